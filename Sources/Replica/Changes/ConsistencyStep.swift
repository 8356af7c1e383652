import Vocabulary

/// A step of ``ReplicaStore/consistencyProblems(progress:)``, told as it starts:
/// SQLite's integrity check, its foreign key check, then each kind's change log against its rows.
public enum ConsistencyStep: Sendable, Equatable {
    /// SQLite's integrity check of the whole file.
    case integrity
    /// SQLite's check that every reference between rows leads to a row.
    case foreignKeys
    /// The change log of one kind against its table's rows.
    case changeLog(Kind)

    /// How many steps a check has.
    public static var count: Int { 2 + Kind.allCases.count }

    /// The step's place among them, from 1.
    public var number: Int {
        switch self {
        case .integrity: 1
        case .foreignKeys: 2
        case .changeLog(let kind): 3 + (Kind.allCases.firstIndex(of: kind) ?? 0)
        }
    }
}
