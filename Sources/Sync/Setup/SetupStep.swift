/// One step of the setup wizard (the brief's five) that asks about
/// settings, with its questions in order; step 1 (connect) and step 5
/// (review and activate) ask none. Every front end (the CLI's wizard, the
/// admin panel's forms) asks these, in this order; the shared catalogue
/// names the steps (``name(_:)``) and words the questions (``Question/words(_:)``).
///
/// ```swift
/// for step in SetupStep.steps { for question in step.questions { ask(question.prompt, draft.values[question.key]) } }
/// ```
public struct SetupStep: Sendable {
    /// One question: a setting, how it is put, and e-conomic's choices for it.
    public struct Question: Sendable {
        /// The setting it sets.
        public var key: String
        /// The question in words.
        public var prompt: String
        /// Where e-conomic's choices for it are, when it has some.
        public var choices: (KeyPath<SetupChoices, [SetupChoices.Choice]> & Sendable)?
        /// The setting it sets.
        public var setting: ConfigKey? { ConfigKey.all.first { $0.name == key } }
        /// Whether it is answered yes or no.
        public var isFlag: Bool { setting?.help.hasSuffix(": true or false") ?? false }

        init(key: String, prompt: String, choices: (KeyPath<SetupChoices, [SetupChoices.Choice]> & Sendable)? = nil) {
            self.key = key
            self.prompt = prompt
            self.choices = choices
        }
    }

    /// The step's number in the brief (2, 3 or 4).
    public var number: Int
    /// Its questions, in order.
    public var questions: [Question]

    /// The steps that ask about settings, in order.
    public static var steps: [SetupStep] { [
        SetupStep(number: 2, questions: [
            Question(key: "orders.exportHours", prompt: "Export hours"),
            Question(key: "orders.exportMaterials", prompt: "Export materials"),
            Question(key: "orders.hoursText", prompt: "Text string for hours"),
            Question(key: "orders.materialsText", prompt: "Text string for materials"),
            Question(key: "orders.grouping", prompt: "Group lines (none, type, type-employee, date, product)"),
            Question(key: "orders.layout", prompt: "Order template (layout)", choices: \SetupChoices.layouts),
            Question(key: "orders.hoursProduct", prompt: "Product hours are invoiced on", choices: \SetupChoices.hourProducts),
            Question(key: "products.productGroup", prompt: "Product group of products created automatically", choices: \SetupChoices.productGroups),
        ]),
        SetupStep(number: 3, questions: [
            Question(key: "customers.syncCVR", prompt: "Sync CVR (validate and match customers on CVR number)"),
            Question(key: "customers.syncGroups", prompt: "Sync customer groups"),
            Question(key: "customers.defaultGroup", prompt: "Default debtor group", choices: \SetupChoices.customerGroups),
            Question(key: "customers.paymentTerms", prompt: "Payment terms", choices: \SetupChoices.paymentTerms),
            Question(key: "customers.syncContacts", prompt: "Sync contact persons"),
        ]),
        SetupStep(number: 4, questions: [
            Question(key: "projects.syncHours", prompt: "Sync hours"),
            Question(key: "projects.syncMaterials", prompt: "Sync materials"),
            Question(key: "projects.syncEmployees", prompt: "Sync employees (match by number, e-mail, name)"),
            Question(key: "projects.direction", prompt: "Project sync direction (both, import, export)"),
            Question(key: "projects.projectGroup", prompt: "Project group of projects created in the field", choices: \SetupChoices.projectGroups),
            Question(key: "projects.autoApprove", prompt: "Auto-approval in e-conomic"),
            Question(key: "projects.bookOn", prompt: "Book approved hours on (registration, endOfMonth)"),
            Question(key: "projects.useEmployeeRates", prompt: "Use employee rates"),
            Question(key: "projects.subProjects", prompt: "Sub-projects (linked, merge-into-parent, standalone)"),
        ]),
    ] }

    /// Every setting the wizard asks about.
    public static var keys: [String] { steps.flatMap { $0.questions.map(\.key) } }

    /// A yes/no answer as a flag's value; nil when it is neither.
    public static func flag(_ answer: String) -> String? {
        switch answer.lowercased() {
        case "y", "yes", "j", "ja", "true": "true"
        case "n", "no", "nej", "false": "false"
        default: nil
        }
    }
}
