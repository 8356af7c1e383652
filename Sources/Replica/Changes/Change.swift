import Vocabulary
import Foundation

/// One row of the change log: which record changed, how, and when. Written by
/// triggers in the same transaction as the change itself.
public struct Change: Codable, Equatable, Sendable {
    /// What happened to the record.
    public enum Operation: String, Codable, Sendable, CaseIterable {
        case insert, update, delete

        /// The operation's number in the change log.
        public var code: Int {
            switch self {
            case .insert: 0
            case .update: 1
            case .delete: 2
            }
        }

        public init?(code: Int) {
            guard let operation = Operation.allCases.first(where: { $0.code == code }) else { return nil }
            self = operation
        }
    }

    /// The change's position in the log; strictly increasing.
    public var seq: Int64
    public var kind: Kind
    /// The local id of the record.
    public var row: Int64
    public var operation: Operation
    /// When the change was written.
    public var at: Date
}
