/// A plan file that cannot be read back: what is wrong with it.
public struct PlanError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "invalid plan: \(message)" }
}
