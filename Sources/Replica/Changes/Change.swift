import Foundation

/// One row of the change log: which record changed, how, and when. Written by
/// triggers in the same transaction as the change itself.
public struct Change: Codable, Equatable, Sendable {
    /// What happened to the record.
    public enum Operation: String, Codable, Sendable {
        case insert, update, delete
    }

    /// The change's position in the log; strictly increasing.
    public var seq: Int64
    public var kind: EntityKind
    /// The local id of the record.
    public var row: Int64
    public var operation: Operation
    /// When the change was written.
    public var at: Date
}
