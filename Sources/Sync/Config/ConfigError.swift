/// Why a setting or a configuration file was refused: which setting, what is
/// wrong, and what to do.
///
/// ```swift
/// throw ConfigError(.invalidValue, "orders.grouping must be one of none, type, … (got \"weekly\")")
/// ```
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem it is.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No such setting.
        public static let unknownSetting = Code(rawValue: "unknown-setting")
        /// The value does not fit the setting.
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// A configuration file that is not a JSON object of settings.
        public static let invalidFile = Code(rawValue: "invalid-file")
        /// A choice that e-conomic does not have (a layout, a group, an activity).
        public static let notInEconomic = Code(rawValue: "not-in-economic")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
