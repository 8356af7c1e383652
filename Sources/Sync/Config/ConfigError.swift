import Vocabulary

/// Why a setting or a configuration file was refused: which setting, what is
/// wrong, and what to do.
///
/// ```swift
/// throw ConfigError(.invalidValue, "orders.grouping must be one of none, type, … (got \"weekly\")")
/// ```
public struct ConfigError: MessageError, Equatable {
    public static let domain = "config"

    /// What kind of problem it is.
    public typealias Code = ErrorCode<ConfigError>

    public var code: Code
    /// What is wrong.
    public var message: String
    /// What to do, worded by the front end, if there is an action to name.
    public var remedy: Remedy?

    public init(_ code: Code, _ message: String, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }
}
