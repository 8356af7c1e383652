import Vocabulary

/// A finding of ``ReplicaStore/consistencyProblems(progress:)``, as data: each
/// front end words it in its language; ``description`` is the English that
/// `local check --json` prints.
///
/// ```swift
/// ConsistencyProblem.unlogged(.customer, rows: [1]).description   // "customer rows without a logged insert: [1]"
/// ```
public enum ConsistencyProblem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A line of SQLite's integrity check, in SQLite's words.
    case integrity(String)
    /// A row of `table` referring to a row of `parent` that is not there.
    case foreignKey(table: String, row: Int64, parent: String)
    /// Rows of the kind whose insert the change log lacks (up to five).
    case unlogged(Kind, rows: [Int64])
    /// Rows the change log has inserted or updated but the kind's table lacks (up to five).
    case missing(Kind, rows: [Int64])

    public var description: String {
        switch self {
        case .integrity(let line): "integrity: \(line)"
        case .foreignKey(let table, let row, let parent): "foreign key: \(table) row \(row) refers to a missing \(parent) row"
        case .unlogged(let kind, let rows): "\(kind.rawValue) rows without a logged insert: \(rows)"
        case .missing(let kind, let rows): "\(kind.rawValue) changes logged for missing rows: \(rows)"
        }
    }
}
