import Sync

/// One step of the setup wizard (the brief's five), with the settings it asks about.
struct SetupStep {
    /// One question: a setting, how it is put, and e-conomic's choices for it.
    struct Question {
        var key: String
        var prompt: String
        var choices: KeyPath<SetupChoices, [SetupChoices.Choice]>?
        var isFlag: Bool { ConfigKey.all.first { $0.name == key }?.help.hasSuffix(": true or false") ?? false }
    }

    var number: Int
    var title: String
    var questions: [Question]

    static var steps: [SetupStep] { [
        SetupStep(number: 2, title: "Order/invoice export", questions: [
            Question(key: "orders.exportHours", prompt: "Export hours"),
            Question(key: "orders.exportMaterials", prompt: "Export materials"),
            Question(key: "orders.hoursText", prompt: "Text string for hours ($navn $regnavn $dato $antal $enhed $tekst $projekt)"),
            Question(key: "orders.materialsText", prompt: "Text string for materials"),
            Question(key: "orders.grouping", prompt: "Group lines (none, type, type-employee, date, product)"),
            Question(key: "orders.layout", prompt: "Order template (layout)", choices: \.layouts),
            Question(key: "orders.hoursProduct", prompt: "Product hours are invoiced on", choices: \.hourProducts),
            Question(key: "products.productGroup", prompt: "Product group of products created automatically", choices: \.productGroups),
        ]),
        SetupStep(number: 3, title: "Customer sync", questions: [
            Question(key: "customers.syncCVR", prompt: "Sync CVR (validate and match customers on CVR number)"),
            Question(key: "customers.syncGroups", prompt: "Sync customer groups"),
            Question(key: "customers.defaultGroup", prompt: "Default debtor group", choices: \.customerGroups),
            Question(key: "customers.paymentTerms", prompt: "Payment terms", choices: \.paymentTerms),
            Question(key: "customers.syncContacts", prompt: "Sync contact persons"),
        ]),
        SetupStep(number: 4, title: "Project sync", questions: [
            Question(key: "projects.syncHours", prompt: "Sync hours"),
            Question(key: "projects.syncMaterials", prompt: "Sync materials"),
            Question(key: "projects.syncEmployees", prompt: "Sync employees (match by number, e-mail, name)"),
            Question(key: "projects.direction", prompt: "Project sync direction (both, import, export)"),
            Question(key: "projects.projectGroup", prompt: "Project group of projects created in the field", choices: \.projectGroups),
            Question(key: "projects.autoApprove", prompt: "Auto-approval in e-conomic"),
            Question(key: "projects.bookOn", prompt: "Book approved hours on (registration, endOfMonth)"),
            Question(key: "projects.useEmployeeRates", prompt: "Use employee rates"),
            Question(key: "projects.subProjects", prompt: "Sub-projects (linked, merge-into-parent, standalone)"),
        ]),
    ] }

    /// Every setting the wizard asks about.
    static var keys: [String] { steps.flatMap { $0.questions.map(\.key) } }

    /// A yes/no answer as a flag's value; nil when it is neither.
    static func flag(_ answer: String) -> String? {
        switch answer.lowercased() {
        case "y", "yes", "j", "ja", "true": "true"
        case "n", "no", "nej", "false": "false"
        default: nil
        }
    }
}
