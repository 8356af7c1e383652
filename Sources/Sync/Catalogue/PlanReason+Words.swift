import Reconcile
import Vocabulary

/// Why a plan operation does what it does, in words every front end shares:
/// `econsync why`, the panel's "Venter" and `reconcile --dry-run -v` word the
/// same reason alike. Errors the brief names begin with its words
/// ("Medarbejder mangler e-conomic ID", "Kunde ikke fundet i e-conomic").
///
/// ```swift
/// PlanReason.employeeMissingID(ReferencedRecord(kind: .employee, id: 3, name: "Lars")).words(.da)
///     // "Medarbejder mangler e-conomic ID: Lars (medarbejder 3): angiv medarbejderens e-conomic ID, eller slå synkronisering af medarbejdere til"
/// ```
extension PlanReason {
    /// The reason in `language`; in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .newInEconomic: "ny i e-conomic"
        case .changedInEconomic: "ændret i e-conomic"
        case .changedInEconomicImporting(let module): "ændret i e-conomic eller rettet i Mobilplan; modulet \(module.name(.da)) henter kun fra e-conomic"
        case .deletedInEconomic: "slettet i e-conomic"
        case .linked(let kind, let key, let field): "koblet til \(kind.noun(.da)) \(key) i e-conomic via \(field): oprettes aldrig to gange"
        case .newInReplica: "ny i Mobilplan"
        case .changedInReplica: "ændret i Mobilplan"
        case .deletedInReplica: "slettet i Mobilplan"
        case .historical(let changed, let activation): "historisk: sidst ændret \(changed), før aktiveringen \(activation)"
        case .goneFromEconomic(let kind, let key): "\(kind.name(.da)) \(key) findes ikke længere i e-conomic"
        case .readOnly(let fields):
            "\(fields.joined(separator: ", ")) er kun ændret i Mobilplan: e-conomics API tager ikke imod det (skrivebeskyttet); "
                + "ret det i e-conomic, så henter næste synkronisering det"
        case .deletedImporting(let module): "slettet i Mobilplan, men modulet \(module.name(.da)) henter kun fra e-conomic"
        case .newImporting(let module): "ny i Mobilplan, men modulet \(module.name(.da)) henter kun fra e-conomic"
        case .autoCreateOff: "ny i Mobilplan, men automatisk oprettelse af varer er slået fra (indstillingen products.autoCreate)"
        case .notApproved: "ikke godkendt: kun godkendte timer overføres"
        case .switchedOff(.employees): "synkronisering af medarbejdere er slået fra (projects.syncEmployees)"
        case .switchedOff(.hours): "overførsel af timer er slået fra (projects.syncHours)"
        case .switchedOff(.customerGroups): "kundegrupper hentes ikke (customers.syncGroups)"
        case .mergedSubProject: "et underprojekt, lagt sammen med sit hovedprojekt (projects.subProjects er merge-into-parent)"
        case .heldBack(let kind, let record, let because): "holdt tilbage: \(kind.noun(.da)) \(record) i Mobilplan \(because.words(.da))"
        case .unitChange(let product, let from, let to):
            "enheden på vare \(product) kan ikke ændres, når varen findes i e-conomic (fra \(from) til \(to))"
        case .cannotBar(let kind): "slettet i Mobilplan, men e-conomic kan ikke spærre poster af typen \(kind.name(.da)); slet den i e-conomic"
        case .requiredMissing(let kind, let key, let field, let setting):
            "\(kind.name(.da)) \(key) mangler \(field), som e-conomic kræver: angiv en, eller en standardværdi (indstillingen \(setting))"
        case .employeeMissingID(let record):
            SyncError.Code.employeeMissingID.heading("\(record?.words(.da) ?? "medarbejderen"): "
                + "angiv medarbejderens e-conomic ID, eller slå synkronisering af medarbejdere til", in: .da)
        case .activityUnmapped(let record):
            "timetypen \(record.map { "\($0.words(.da)) " } ?? "")er ikke knyttet til en e-conomic aktivitet: knyt den til en (aktivitetskobling)"
        case .customerNotFound(let record):
            SyncError.Code.customerNotFound.heading("\(record?.words(.da) ?? "kunden"): synkronisér kunder, eller tving en synkronisering", in: .da)
        case .unresolved(let field, let record): "\(field) henviser til \(record?.words(.da) ?? "en post"), som e-conomic ikke har endnu"
        case .sameValue(let kind, let records, let field, let value):
            "\(kind.name(.da)) \(records.joined(separator: " og ")) har samme \(field) \(value): ingen af dem sendes, før den ene er rettet, lagt sammen eller slettet"
        case .duplicate(let kind, let record, let field, let value, let economic, let replica):
            "\(kind.name(.da)) \(record) har samme \(field) \(value) som \(kind.noun(.da)) \(economic) i e-conomic, "
                + "som \(kind.noun(.da)) \(replica) i Mobilplan allerede er: læg de to sammen, eller ret den; oprettes aldrig to gange"
        case .ambiguous(let kind, let field, let matches, let rivals):
            "matcher \(matches.count == 1 ? "en post" : "flere poster") af typen \(kind.name(.da)) i e-conomic via \(field) (\(matches.joined(separator: ", ")))"
                + "\(rivals ? ", som andre poster i Mobilplan også matcher" : ""): tvetydigt, så ingen kobles; angiv e-conomic ID på den rigtige"
        case .dependencyMissing(let field, let kind, let key, let because):
            "\(field) henviser til \(kind.noun(.da)) \(key), som ikke oprettes i e-conomic\(because.map { ": \($0.words(.da))" } ?? " i denne kørsel")"
        case .productMissing(let product):
            "varen \(product) findes ikke i e-conomic: opret den dér, eller slå automatisk oprettelse af varer til (indstillingen products.autoCreate)"
        case .productNotCreatable(let product, let because):
            "varen \(product) findes ikke i e-conomic og kan ikke oprettes: \(because?.words(.da) ?? "den er ikke med i denne kørsel")"
        case .numberTaken(let number, let name):
            "projektnummer \(number) er allerede brugt i e-conomic af \"\(name)\": giv projektet et andet nummer (det omnummereres aldrig)"
        case .recorded(let words): words
        }
    }
}

extension ReferencedRecord {
    /// The record in `language`: `Jens Hansen (medarbejder 3)` in Danish; in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        let kind = self.kind.noun(.da)
        return name.map { "\($0) (\(kind) \(id))" } ?? "\(kind) \(id)"
    }
}
