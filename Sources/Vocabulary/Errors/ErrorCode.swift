/// A stable, machine-readable name for one kind of failure of the error type
/// `Domain`, to match on; an error type declares its codes in an extension.
///
/// ```swift
/// extension ErrorCode where Domain == ReplicaError {
///     /// Another process held the replica for longer than the wait.
///     public static var busy: Self { "busy" }
/// }
/// if error.code == .busy { … }
/// ```
public struct ErrorCode<Domain>: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code's stable spelling, as logs, JSON output and the replica write it (`busy`, `customerNotFound`).
    public let rawValue: String

    /// Makes a code from its stable spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Makes a code from its stable spelling.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Makes a code from its stable spelling written as a literal.
    public init(stringLiteral rawValue: String) { self.rawValue = rawValue }

    /// The code's stable spelling.
    public var description: String { rawValue }
}
