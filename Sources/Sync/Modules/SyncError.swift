import Vocabulary

/// Why a sync module did not run or did not finish: which module, which
/// record, what went wrong, and what to do about it (the brief's
/// troubleshooting cases carry its remedies).
///
/// ```swift
/// throw SyncError(.coolingDown, "customers ran at 10:02; it may run again at 10:17 (or use --force)", module: "customers")
/// ```
public struct SyncError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem it is; also the error kind notifications are grouped by.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let unknownModule = Code(rawValue: "unknownModule")
        /// The module is switched off in config.
        public static let disabled = Code(rawValue: "disabled")
        /// The module ran less than the cooldown ago.
        public static let coolingDown = Code(rawValue: "coolingDown")
        /// Another process is running it (or another module of the agreement).
        public static let busy = Code(rawValue: "busy")
        /// "Token expired": every module waits for `econsync reconnect`.
        public static let needsReconnect = Code(rawValue: "tokenExpired")
        /// "Module hangs": it was running for longer than the timeout and was released.
        public static let timedOut = Code(rawValue: "timedOut")
        /// "Customer not found in e-conomic".
        public static let customerNotFound = Code(rawValue: "customerNotFound")
        /// "Employee is missing an e-conomic ID".
        public static let employeeMissingID = Code(rawValue: "employeeMissingID")
        /// An hour type has no e-conomic activity.
        public static let activityUnmapped = Code(rawValue: "activityUnmapped")
        /// An order export found no approved registration that is not exported yet.
        public static let nothingToExport = Code(rawValue: "nothingToExport")
        /// An order line's product is not in e-conomic and cannot be created.
        public static let productMissing = Code(rawValue: "productMissing")
        /// An order export was asked for something that cannot be (a registration of another project, not approved, …).
        public static let invalidRequest = Code(rawValue: "invalidRequest")
        /// A setting the operation needs is missing (an order layout, payment terms).
        public static let missingSetting = Code(rawValue: "missingSetting")
        /// Other operations were blocked.
        public static let blocked = Code(rawValue: "blocked")
        /// e-conomic kept answering 429 Too Many Requests past its rate-limit window; the next run tries again.
        public static let rateLimited = Code(rawValue: "rateLimited")
        /// The run failed (network, e-conomic refused a push, bad response).
        public static let failed = Code(rawValue: "failed")
    }

    public var code: Code
    public var message: String
    public var module: String?

    public init(_ code: Code, _ message: String, module: String? = nil) {
        self.code = code
        self.message = message
        self.module = module
    }

    public var description: String {
        module.map { "\($0): \(message)" } ?? message
    }

    /// The brief's remedy for the troubleshooting cases.
    public var remedy: String? {
        switch code {
        case .customerNotFound:
            "check that the customer is synced (has an e-conomic key): wait for the next customer sync or force one "
                + "(`econsync sync customers --force`), or create the customer in e-conomic"
        case .employeeMissingID:
            "set the employee's e-conomic employee number (`econsync local employee edit ID --economic-id N`) or enable employee sync (projects.syncEmployees)"
        case .needsReconnect:
            "the connection to e-conomic expired: run `econsync reconnect` and approve access again"
        case .timedOut:
            "the module was released automatically; it runs again when due. If it keeps hanging, check the network and e-conomic's status"
        case .productMissing:
            "turn product auto-creation on (`econsync config set products.autoCreate true`) with a default product group, or create the product in e-conomic"
        case .rateLimited:
            "nothing to do now: the module runs again when due. If it keeps happening, another integration may be spending "
                + "the agreement's API budget"
        case .activityUnmapped:
            "map the hour type to an e-conomic activity (`econsync local hour-type edit ID --activity N`)"
        default:
            nil
        }
    }
}
