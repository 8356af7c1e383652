import Replica
import Vocabulary

/// A replica's refusal in the office's language: a refused field's value, a
/// record's state or the replica file (``ReplicaError/problem``) is worded in
/// Danish with the record or file it is about ("kunde, felt cvr: "123" er
/// ikke et CVR-nummer: …"); an error with no problem as data keeps its English
/// words whole, never half Danish.
extension ReplicaError: WordedError {
    public func message(_ language: Language) -> String {
        problem.map { $0.words(language) } ?? message
    }

    public func describe(_ wording: any RemedyWording, in language: Language) -> String {
        guard language == .da, let problem else { return describe(wording) }
        return describe(problem.words(.da), advice: problem.advice(.da) ?? remedy.map(wording.words), noun: { $0.noun(.da) }, field: "felt")
    }
}

extension ReplicaProblem {
    /// The problem in `language`: in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .empty: "må ikke være tom"
        case .tooLong(let characters, let max): "er \(characters) tegn lang; e-conomic tillader højst \(max)"
        case .cvrLength(let text): "\"\(text)\" er ikke et CVR-nummer: et CVR-nummer har præcis 8 cifre"
        case .cvrLeadingZero(let text): "\"\(text)\" er ikke et CVR-nummer: et CVR-nummer starter aldrig med 0"
        case .cvrChecksum(let text): "\"\(text)\" er ikke et gyldigt CVR-nummer (modulus 11-kontrollen fejlede)"
        case .notEmail(let text): "\"\(text)\" er ikke en e-mailadresse"
        case .notDate(let text): "\"\(text)\" er ikke en dato: skriv den som ÅÅÅÅ-MM-DD"
        case .notTime(let text): "\"\(text)\" er ikke et tidspunkt: skriv det som ÅÅÅÅ-MM-DDTtt:mm:ssZ, f.eks. 2026-11-02T15:00:00Z"
        case .negativeAmount(let amount): "\(amount) er ikke et gyldigt beløb: det skal være 0 eller mere"
        case .tooManyDecimals(let amount): "\(amount) har mere end to decimaler; e-conomic tager højst to"
        case .notPositive(let amount): "\(amount) er ikke tilladt: det skal være større end 0"
        case .nul: "indeholder et NUL-tegn (\\u0000), som ville afkorte teksten"
        case .controlCharacter(let code, let multiLine):
            "indeholder kontroltegnet U+\(code); "
                + (multiLine ? "kun linjeskift og tabulatorer er tilladt" : "tekst må ikke indeholde kontroltegn eller linjeskift")
        case .notNumber(let value): "\(value) er ikke et tal"
        case .tooLarge(let value): "\(value) er for stort: højst 999999999.99"
        case .outOfRange(let value, let range): "\(value) \(range.words(.da))"
        case .negative: "skal være 0 eller mere"
        case .notCurrency(let text): "\"\(text)\" er ikke en valutakode: brug tre bogstaver, f.eks. DKK"
        case .notPaymentTermsType(let text, let types): "\"\(text)\" er ikke en type betalingsbetingelse; brug en af \(types.joined(separator: ", "))"
        case .ownMainProject: "et projekt kan ikke være sit eget hovedprojekt"
        case .mainIsSubProject(let id): "projekt \(id) er selv et underprojekt; et hovedprojekt skal være et projekt uden overordnet projekt"
        case .hasSubProjects(let count): "projektet har \(count) underprojekt(er), så det kan ikke blive et underprojekt"
        case .hoursOutOfRange(let hours): "\(hours) er ikke tilladt: timer skal være over 0 og højst 24 pr. registrering"
        case .onMainProject(let id, let count):
            "projekt \(id) er et hovedprojekt (det har \(count) underprojekt(er)); e-conomic tager kun timer på underprojekter"
        case .projectBarred(let id): "projekt \(id) er spærret og tager ingen registreringer"
        case .projectClosed(let id): "projekt \(id) er lukket og tager ingen registreringer"
        case .transferredLocked: "er overført til e-conomic og kan ikke længere ændres"
        case .sentUnapproved: "kun godkendte registreringer kan overføres eller eksporteres"
        case .approvedLocked: "er godkendt og kan ikke længere rettes"
        case .referenceDeleted(let kind, let id): "\(kind.noun(.da)) \(id) er slettet"
        case .referenceMissing(let kind, let id): "\(kind.noun(.da)) \(id) findes ikke"
        case .taken(let kind, let field, let value, let holder):
            "\(holder.map { "\(kind.noun(.da)) \($0) har allerede" } ?? "en anden ny \(kind.noun(.da)) har") "
                + "\(field == "foreignKey" ? "e-conomic-nøglen" : field) \(value)"
        case .fixedOnceSynced: "kan ikke ændres, når den findes i e-conomic"
        case .doesNotExist: "findes ikke"
        case .deleted: "er slettet"
        case .inUse(let kind, let user): "bruges stadig af \(kind.noun(.da)) \(user)"
        case .notApproved: "er ikke godkendt"
        case .alreadyTransferred: "er allerede overført"
        case .noLive(let kind, let reference): "der er ingen \(kind.noun(.da)) \(reference)"
        case .noneCalled(let kind, let name): "der er ingen \(kind.noun(.da)), der hedder \"\(name)\""
        case .noReplica: "her er ingen replika"
        case .emptyFile: "er tom (0 bytes): den er ikke længere en replika"
        case .notSQLite: "er ikke en econsync-replika (ikke en SQLite-database)"
        case .notReplica: "er en SQLite-database, men ikke en econsync-replika"
        case .busy: "holdes af en anden econsync-proces i mere end 10 sekunder"
        case .unreadable(let reason): reason.map { "kan ikke læses: \($0.words(.da))" } ?? "kan ikke læses"
        case .notUTF8: "er ikke UTF-8-tekst"
        case .needsUpgrade(let version): "skal opgraderes til skemaversion \(version), før den kan læses"
        case .newerSchema(let version, let known):
            "er skrevet af en nyere econsync (skemaversion \(version); denne econsync kender op til \(known))"
        case .damaged(let missing): "er beskadiget: \(missing) mangler"
        case .corrupt(let words): "er ødelagt: \(words)"
        case .unusable(let words): "kan ikke bruges: \(words)"
        case .lineNotObject: "er ikke et JSON-objekt; hver linje skal være {\"kind\": …, \"data\": {…}}"
        case .unknownLineKey(let key): "ukendt nøgle \"\(key)\"; en linje har kun kind, ref og data"
        case .kindMissing: "\"kind\" mangler; brug en af \(Kind.allNames)"
        case .unknownKind(let name): "ukendt kind \"\(name)\"; brug en af \(Kind.allNames)"
        case .dataNotObject: "\"data\" skal være et objekt med postens felter"
        case .refNotText: "\"ref\" skal være en tekst, der ikke er tom"
        case .refTaken(let name): "ref \"\(name)\" bruges allerede af en tidligere linje"
        case .employeesNotList: "skal være en liste af henvisninger til medarbejdere"
        case .unknownField(let kind, let fields): "ukendt felt; \(kind.noun(.da)) har \(fields.joined(separator: ", "))"
        case .referenceNotText: "skal være \(Self.referenceSyntax)"
        case .notReference(let text): "\"\(text)\" er ikke en henvisning; skriv \(Self.referenceSyntax)"
        case .wrongType(let type): "har forkert type: forventede \(type.words(.da))"
        case .required: "skal angives"
        case .notValid(let words): "er ikke gyldig: \(words)"
        case .ambiguousName(let name, let candidates):
            "\"\(name)\" passer på \(candidates.count) poster: \(candidates.joined(separator: ", ")); angiv én med dens lokale id"
        case .onePerDepartment(let ref, let count): "\(ref) passer på \(count) poster (én pr. afdeling); brug et lokalt id"
        case .noNumber(let kind): "en \(kind.noun(.da)) har intet nummer; brug et lokalt id eller e:NØGLE"
        case .noName(let kind): "en \(kind.noun(.da)) har intet navn; brug et lokalt id eller e:NØGLE"
        case .noAlias(let alias): "ingen tidligere linje hedder @\(alias)"
        case .aliasOfKind(let alias, let kind, let wanted): "@\(alias) er af typen \(kind.noun(.da)), ikke \(wanted.noun(.da))"
        case .inTransfer(let run):
            "er ved at blive overført til e-conomic af afstemning \(run), og godkendelsen kan ikke fjernes, før den er færdig"
        case .otherAgreement(let recorded, let connected):
            "synkroniserer e-conomic-aftale \(recorded), men datamappen er forbundet til aftale \(connected)"
        case .neverConnected(let agreement):
            "har aldrig været forbundet til e-conomic-aftale \(agreement), som datamappen er forbundet til: "
                + "det er ikke den replika, datamappen blev sat op med"
        case .notPlainFile: "er ikke en almindelig fil (et symbolsk link, en enhed eller en pipe); econsync følger den ikke"
        case .cannotTighten(let words, _): "andre kan læse den, og dens tilstand kan ikke ændres (\(words))"
        case .snapshotUnknown(let file): "øjebliksbilledet \(file) er ikke i lageret"
        case .snapshotKnown(let file): "øjebliksbilledet \(file) er allerede i lageret"
        case .snapshotNeeded(let file, let run):
            "øjebliksbilledet \(file) bruges stadig (\(run.map { "grundlag for afstemning \($0)" } ?? "revisionsjournalen henviser til det"))"
        case .keyTaken(let key, let kind, let id): "e-conomic-nøglen \(key) tilhører allerede \(kind.noun(.da)) \(id)"
        }
    }

    /// What to do, in `language`, when the problem says it itself; in English its ``advice``.
    public func advice(_ language: Language) -> String? {
        guard language == .da else { return advice }
        return switch self {
        case .inUse(let kind, _): "slet eller ret den \(kind.noun(.da)) først"
        case .onMainProject: "registrér timerne på et af dets underprojekter"
        case .transferredLocked: "ret den i e-conomic, eller registrér en ny"
        case .approvedLocked: "fjern godkendelsen først"
        case .emptyFile: "gendan den fra en sikkerhedskopi, eller flyt den væk og opret en ny replika"
        case .busy: "prøv igen, når den er færdig"
        case .unreadable(.permissionDenied): "kontrollér filens rettigheder"
        case .newerSchema: "opgradér econsync; filen er ikke ændret"
        case .damaged, .corrupt: "gendan den fra en sikkerhedskopi; en afstemning kan genopbygge e-conomic-data fra et øjebliksbillede"
        case .inTransfer: "gør afstemningen færdig; afviser e-conomic registreringen, kan godkendelsen fjernes derefter"
        case .otherAgreement: "gendan datamappens egen replika, eller forbind igen"
        case .neverConnected: "gendan datamappens egen replika, eller forbind igen for at bruge denne"
        case .notPlainFile: "læg den rigtige fil på dens plads, eller fjern den"
        case .cannotTighten(_, let mode): "gør den privat for ejeren (chmod \(mode))"
        case .fixedOnceSynced(_, let field): field.words(.da)
        default: nil
        }
    }
}

extension ReplicaProblem {
    /// How a record is referred to, in Danish (``RecordRef/syntax`` in English).
    static let referenceSyntax = "et lokalt id (42), en e-conomic-nøgle (e:1001), et nummer (n:P-100) eller, i importfiler, et alias (@navn)"
}

extension ReplicaProblem.FixedField {
    /// Why the field cannot change, in `language`: in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .productNumber: "varenummeret er varens nøgle i e-conomic; opret en ny vare i stedet"
        case .productUnit: "e-conomic tillader ikke, at en vares enhed ændres, efter at varen er oprettet; opret en ny vare i stedet"
        case .mainProject: "e-conomic sætter et underprojekts hovedprojekt, kun når det oprettes"
        }
    }
}

extension ReplicaProblem.ValueType {
    /// The type in `language`: in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .text: "tekst"
        case .truth: "true eller false"
        case .number: "et tal"
        case .wholeNumber: "et heltal"
        }
    }
}

extension DataDirectory.Tightened {
    /// The note in `language`: "PATH kunne læses af andre (tilstand 755); den er nu 700"; in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return "\(path) kunne læses af andre (tilstand \(String(from, radix: 8))); den er nu \(String(to, radix: 8))"
    }
}

extension ReplicaProblem.NumberRange {
    /// The range in `language`: in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .employeeNumber: "er uden for området: e-conomics medarbejdernumre går fra 1 til 999999"
        case .projectNumber: "er uden for området: projektnumre går fra 1 til 999999999"
        case .activityNumber: "er ikke et aktivitetsnummer i e-conomic (1 til 999999999)"
        }
    }
}
