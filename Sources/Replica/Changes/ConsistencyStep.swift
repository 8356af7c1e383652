import Vocabulary

/// A step of ``ReplicaStore/consistencyProblems(progress:)``, told as it starts:
/// SQLite's integrity check, its foreign key check, then each kind's change log against its rows.
public enum ConsistencyStep: Sendable, Equatable {
    case integrity
    case foreignKeys
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
