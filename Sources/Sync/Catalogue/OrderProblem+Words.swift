import Reconcile
import Vocabulary

extension OrderProblem {
    /// Why the order is refused, in `language`: the records and settings it names as they are, e-conomic's words as it gave them.
    ///
    /// ```swift
    /// OrderProblem.noLayout.words(.da)   // "intet ordrelayout"
    /// ```
    public func words(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .notInReplica(let kind, let id):
            return da ? "\(kind.noun(.da)) \(id) findes ikke i replikaen" : "\(kind.rawValue) \(id) is not in the replica"
        case .noProject(let id):
            return da ? "der er intet projekt \(id) i replikaen" : "there is no project \(id) in the replica"
        case .otherDepartment(let project, let id, let department):
            guard da else {
                return "project \(project) (\(id)) belongs to \(department.map { "department \($0)" } ?? "no department")"
                    + ": export it with that department's connection"
            }
            return "projekt \(project) (\(id)) hører til \(department.map { "afdeling \($0)" } ?? "ingen afdeling")"
                + ": eksportér det med den afdelings forbindelse"
        case .projectWithoutCustomer(let project, let id):
            return da ? "Kunde ikke fundet i e-conomic: projekt \(project) (\(id)) har ingen kunde"
                : "Customer not found in e-conomic: project \(project) (\(id)) has no customer"
        case .customerNotInEconomic(let customer, let id, let project):
            return da ? "Kunde ikke fundet i e-conomic: \(customer) (kunde \(id)), kunden på projekt \(project), har endnu intet e-conomic-kundenummer"
                : "Customer not found in e-conomic: \(customer) (customer \(id)), the customer of project \(project), has no e-conomic customer number yet"
        case .noPaymentTerms(let customer):
            return da ? "kunden \(customer) har ingen betalingsbetingelser i e-conomic, og der er ingen standard"
                : "customer \(customer) has no payment terms in e-conomic and there is no default"
        case .noHoursProduct(let hourType, let id, let product):
            guard da else {
                return "hour type \(hourType) (\(id)) has no product to invoice its hours on"
                    + (product.map { " (orders.hoursProduct \($0) is not in the replica)" } ?? "")
            }
            return "timetypen \(hourType) (\(id)) har ingen vare at fakturere timerne på"
                + (product.map { " (orders.hoursProduct \($0) findes ikke i replikaen)" } ?? "")
        case .noRegistration(let kind, let id):
            return da ? "der er ingen \(Self.noun(kind, da)) \(id)" : "there is no \(Self.noun(kind, da)) \(id)"
        case .registration(let kind, let id, let pick):
            let noun = "\(Self.noun(kind, da)) \(id)"
            switch pick {
            case .onProject(let other, let asked):
                return da ? "\(noun) er på projekt \(other), ikke \(asked)" : "\(noun) is on project \(other), not \(asked)"
            case .notApproved:
                return da ? "\(noun) er ikke godkendt: kun godkendte registreringer eksporteres"
                    : "\(noun) is not approved: only approved registrations are exported"
            case .exported(let order):
                return da ? "\(noun) er allerede eksporteret (lokal ordre \(order))" : "\(noun) is exported already (local order \(order))"
            }
        case .template(let setting, let problem):
            return "\(setting): \(problem.words(language))"
        case .noLayout:
            return da ? "intet ordrelayout" : "no order layout"
        case .nothingToExport(let project, let last):
            guard da else {
                return "project \(project) has no approved registration that is not exported yet" + (last.map { " (the last export is order \($0))" } ?? "")
            }
            return "projekt \(project) har ingen godkendt registrering, der ikke er eksporteret endnu" + (last.map { " (seneste eksport er ordre \($0))" } ?? "")
        case .productsMissing(let products):
            let names = products.joined(separator: ", ")
            return da ? "e-conomic mangler varerne \(names), og automatisk oprettelse af varer er slået fra"
                : "e-conomic lacks the products \(names), and product auto-creation is off"
        case .productsNotCreated(let products):
            let reasons = products.map { "\($0.product): " + ($0.reason.map { $0.words(language) } ?? (da ? "ikke oprettet" : "not created")) }
            return (da ? "e-conomic mangler varer, ordren skal bruge, og de kunne ikke oprettes: "
                : "e-conomic lacks products the order needs and they could not be created: ") + reasons.joined(separator: "; ")
        case .exportedMeanwhile(let kind, let id):
            return da ? "\(kind.noun(.da)) \(id) blev eksporteret imens" : "\(kind.rawValue) \(id) was exported meanwhile"
        case .noSuchOrder(let number, let released):
            guard let released else {
                return da ? "ingen ordreeksport har e-conomic-ordrenummer \(number)" : "no order export has e-conomic order number \(number)"
            }
            return da ? "ordre \(number) er allerede frigivet (\(released))" : "order \(number) was released already (\(released))"
        case .stillDraft(let number):
            return da ? "ordre \(number) er stadig en kladde i e-conomic; dens registreringer forbliver eksporteret"
                : "order \(number) is still a draft in e-conomic; its registrations stay exported"
        case .sent(let number, let stage):
            return da ? "ordre \(number) er \(stage) i e-conomic; dens registreringer forbliver eksporteret"
                : "order \(number) is \(stage) in e-conomic; its registrations stay exported"
        case .refused(let words):
            return da ? "e-conomic afviste ordren: \(words)" : "e-conomic refused the order: \(words)"
        case .uncertain(let words):
            return da ? "ordren nåede måske ikke frem til e-conomic (\(words)); den er gemt: eksportér projektet igen for at gøre den færdig "
                + "(den sendes igen med samme idempotensnøgle)"
                : "the order may not have reached e-conomic (\(words)); it is recorded: export the project again "
                + "to finish it (it is resent with the same idempotency key)"
        case .noOrderNumber:
            return da ? "e-conomics svar på ordren har intet ordrenummer; eksportér projektet igen for at gøre den færdig"
                : "e-conomic's answer to the order has no orderNumber; export the project again to finish it"
        }
    }

    /// A registration kind as a noun: "time entry", "timeregistrering".
    private static func noun(_ kind: Kind, _ da: Bool) -> String {
        if da { return kind.noun(.da) }
        return kind == .timeEntry ? "time entry" : "material registration"
    }
}
