import Vocabulary

/// Why a setting or a configuration file was refused: which setting, what is
/// wrong (as data the catalogue words in each language, see
/// ``message(_:)``), and what to do.
///
/// ```swift
/// throw ConfigError(.value(setting: "orders.grouping", value: "weekly", .notOneOf(["none", "type", …])))
/// // orders.grouping must be one of none, type, … (got "weekly")
/// ```
public struct ConfigError: MessageError, Equatable {
    public static let domain = "config"

    /// What kind of problem it is.
    public typealias Code = ErrorCode<ConfigError>

    /// What is wrong, as data.
    public enum Problem: Sendable, Equatable {
        /// No setting has this name; `guess` is the nearest that does.
        case unknownSetting(String, guess: String?)
        /// The value does not fit the setting.
        case value(setting: String, value: String, SettingProblem)
        /// A settings file that is not a JSON object.
        case notAnObject
        /// A settings file's value that is not a string, a number or true/false.
        case notAValue(setting: String)
        /// `smtp.passwordFile` is inside the data directory.
        case passwordFileInDataDirectory(String)
        /// `smtp.passwordFile` is not a regular file.
        case passwordFileMissing(String)
        /// `smtp.passwordFile` can be read by others than its owner (with this mode).
        case passwordFileOpen(String, mode: UInt32)
        /// `smtp.passwordFile` cannot be read as text.
        case passwordFileUnreadable(String)
        /// The `smtp.*` settings do not make a mail connection, for this reason (the mail library's words).
        case smtpUnusable(String)
    }

    /// What is wrong.
    public var problem: Problem
    /// The settings file the problem is in (`office.json`), if it came from one.
    public var source: String?

    public init(_ problem: Problem, source: String? = nil) {
        self.problem = problem
        self.source = source
    }

    public var code: Code {
        switch problem {
        case .unknownSetting: .unknownSetting
        case .notAnObject, .notAValue: .invalidFile
        case .value, .passwordFileInDataDirectory, .passwordFileMissing, .passwordFileOpen, .passwordFileUnreadable, .smtpUnusable: .invalidValue
        }
    }

    /// What is wrong, in English (``message(_:)`` words it in Danish).
    public var message: String { message(.en) }

    public var remedy: Remedy? {
        if case .unknownSetting = problem { return .listSettings }
        return nil
    }
}
