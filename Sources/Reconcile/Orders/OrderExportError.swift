/// Why an order export cannot go ahead, and what to do about it.
///
/// Callers match on ``code``; the ``description`` is the message a user reads.
/// New failures are new codes, declared where they arise:
///
/// ```swift
/// extension OrderExportError.Code {
///     static let customerNotFound = OrderExportError.Code("customerNotFound")
/// }
/// throw OrderExportError(.customerNotFound, "project 12 has no customer in e-conomic",
///                        remedy: "link the project to a customer and export again")
/// ```
public struct OrderExportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable name for one kind of failure, to match on; more codes can be added in extensions.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name, as written in logs and JSON output.
        public var rawValue: String

        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Creates a code from its name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// The code's name.
        public var description: String { rawValue }

        /// A text template for hour or material lines that cannot be parsed.
        public static let invalidTemplate = Code("invalidTemplate")
    }

    /// Which kind of failure this is.
    public var code: Code
    /// What is wrong, naming the offending value.
    public var message: String
    /// What to do about it.
    public var remedy: String

    /// Creates an error with a code, what is wrong and what to do about it.
    public init(_ code: Code, _ message: String, remedy: String) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }

    /// The message followed by what to do about it.
    public var description: String { remedy.isEmpty ? message : "\(message); \(remedy)" }
}
