import Foundation

/// Words a ``Remedy`` for one front end: the command-line tool names the
/// command to run, a panel the button to press, in its own language. Error
/// texts and notification mails take the wording they are given.
///
/// ```swift
/// struct CommandLineWording: RemedyWording {
///     func words(for remedy: Remedy) -> String {
///         switch remedy { case .initialise: "run `econsync init` first" … }
///     }
/// }
/// print(error.describe(CommandLineWording()))
/// ```
public protocol RemedyWording: Sendable {
    /// What to do, as an instruction that can follow the error's message.
    func words(for remedy: Remedy) -> String
}

/// A wording that names the action without any front end's commands, for
/// texts no front end words (``CodedError/description``, logs).
public struct NeutralRemedyWording: RemedyWording {
    /// Makes the neutral wording.
    public init() {}

    public func words(for remedy: Remedy) -> String {
        switch remedy {
        case .initialise: "initialise the replica first"
        case .upgradeReplica: "let a command that writes upgrade the replica first"
        case .listSettings: "see the list of settings"
        case .setConfig(let key): "set \(key)"
        case .setOrderLayout: "set orders.layout, or sync the units module to import e-conomic's layouts"
        case .setHoursProduct(let hourType): "give hour type \(hourType) a product, or set orders.hoursProduct"
        case .setProjectCustomer(let project): "give project \(project) a customer"
        case .syncCustomers: "sync customers (or create the customer in e-conomic)"
        case .setEmployeeNumber: "set the employee's e-conomic employee number or enable employee sync (projects.syncEmployees)"
        case .mapActivity: "map the hour type to an e-conomic activity"
        case .enableProductCreation: "turn products.autoCreate on with a default product group, or create the product in e-conomic"
        case .deleteDraftOrder(let number): "delete draft order \(number) in e-conomic first, then release it again"
        case .connect: "connect to e-conomic"
        case .checkGrantToken: "check that the whole grant token was copied from e-conomic's grant page and that the app's access was approved there, then connect again"
        case .reconnect: "reconnect to e-conomic"
        case .disconnect: "disconnect first to switch agreements"
        case .restrictCredentials(let path): "make \(path) private (mode 600) or reconnect to e-conomic"
        case .reconcileFully: "a full reconcile, comparing every record, takes e-conomic afresh and makes a new base"
        case .resumeReconcile: "resume the interrupted reconcile first"
        case .finishSync: "sync again: it finishes what was cut off, settling a cut-off push first"
        case .resumeIntegration: "resume the integration"
        case .retryLater(.timeout): "it runs again when due; if it keeps hanging, check the network and e-conomic's status"
        case .retryLater(.rateLimit): "it runs again when due; another integration may be spending the agreement's API budget"
        case .retryLater(.network): "field work is kept; the next run sends it once e-conomic can be reached"
        case .waitForCooldown(let until): "it may run again at \(until.formatted(.iso8601)), or be forced to run now"
        }
    }
}
