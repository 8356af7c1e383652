import Replica
import Sync
import Vocabulary

/// How econsync words a ``Remedy``: the command to run, in the language it
/// speaks (``Speech/language``: `--lang`, else the locale), in English in the
/// words its messages have always used. Every remedy the libraries name is worded here.
///
/// ```swift
/// CommandLineWording(.en).words(for: .initialise)   // run `econsync init` first
/// CommandLineWording(.da).words(for: .initialise)   // kør først `econsync init`
/// ```
struct CommandLineWording: LocalizedRemedyWording {
    var language: Language

    /// The wording in `language`: by default the one econsync speaks on this command line.
    init(_ language: Language = Speech.language) {
        self.language = language
    }

    func `in`(_ language: Language) -> any RemedyWording { CommandLineWording(language) }

    func words(for remedy: Remedy) -> String {
        language == .da ? danishWords(for: remedy) : englishWords(for: remedy)
    }

    func englishWords(for remedy: Remedy) -> String {
        switch remedy {
        case .initialise:
            "run `econsync init` first"
        case .upgradeReplica:
            "run any econsync command that writes, such as `econsync local check`"
        case .listSettings:
            "run `econsync config show` for every setting"
        case .setConfig(let key):
            "set one with `econsync config set \(key) N`"
        case .setOrderLayout:
            "set one with `econsync config set orders.layout N`, or `econsync sync units` to import e-conomic's layouts"
        case .setHoursProduct(let hourType):
            "set one with `econsync local hour-type edit \(hourType) --product P`, or a default with `econsync config set orders.hoursProduct NUMBER`"
        case .setProjectCustomer(let project):
            "set one with `econsync local project edit \(project) --customer C`"
        case .syncCustomers:
            "check that the customer is synced (has an e-conomic key): wait for the next customer sync or force one "
                + "(`econsync sync customers --force`), or create the customer in e-conomic"
        case .setEmployeeNumber:
            "set the employee's e-conomic employee number (`econsync local employee edit ID --economic-id N`) or enable employee sync (projects.syncEmployees)"
        case .mapActivity:
            "map the hour type to an e-conomic activity (`econsync local hour-type edit ID --activity N`)"
        case .enableProductCreation:
            "turn product auto-creation on (`econsync config set products.autoCreate true`) with a default product group, or create the product in e-conomic"
        case .deleteDraftOrder(let number):
            "delete draft order \(number) in e-conomic first, then run `econsync order release \(number)` again "
                + "(or `econsync sync orders`, which releases every draft deleted there)"
        case .connect:
            "run `econsync connect`"
        case .checkGrantToken:
            "check that you copied the whole token from e-conomic's grant page and that the app's access was approved there, "
                + "then run `econsync connect` (or `econsync reconnect`) again"
        case .reconnect:
            "reconnect with `econsync reconnect` and approve access again"
        case .disconnect:
            "run `econsync disconnect` first to switch agreements"
        case .restrictCredentials(let path):
            "run `chmod 600 \(path)` or `econsync reconnect`"
        case .reconcileFully:
            "run `econsync reconcile --full`, which takes e-conomic afresh and makes a new base"
        case .resumeReconcile:
            "finish it with `econsync reconcile --resume` (nothing is sent twice)"
        case .finishSync:
            "`econsync sync` finishes it (a cut-off push is settled first)"
        case .resumeIntegration:
            "resume it with `econsync resume`"
        case .waitForCooldown(let until):
            "it may run again at \(LocalTime.string(until)), or now with `--force`"
        case .retryLater(after: .timeout):
            "the module was released automatically; it runs again when due. If it keeps hanging, check the network and e-conomic's status"
        case .retryLater(after: .network):
            "nothing is lost: field work goes on offline, and the next `econsync sync` (or `econsync run`) sends it once e-conomic "
                + "can be reached; check the network if it keeps happening"
        case .retryLater(after: .rateLimit):
            "nothing to do now: the module runs again when due. If it keeps happening, another integration may be spending "
                + "the agreement's API budget"
        }
    }
}

extension CodedError {
    /// The error as econsync prints it: in the language it speaks when the catalogue words it, remedies worded as its commands.
    var commandLineText: String {
        (self as? any WordedError)?.describe(CommandLineWording(), in: Speech.language) ?? describe(CommandLineWording())
    }
}
