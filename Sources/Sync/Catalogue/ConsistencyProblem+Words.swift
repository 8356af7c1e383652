import Replica
import Vocabulary

/// A finding of `econsync local check` in words every front end shares.
///
/// ```swift
/// ConsistencyProblem.unlogged(.customer, rows: [1]).words(.da)   // "kunde: rækker uden en logget oprettelse: [1]"
/// ```
extension ConsistencyProblem {
    /// The finding in `language`; in English its ``description``. SQLite's own words for the file's integrity stay as SQLite gives them.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .integrity(let line): "integritet: \(line)"
        case .foreignKey(let table, let row, let parent): "fremmednøgle: \(table) række \(row) henviser til en \(parent)-række, der mangler"
        case .unlogged(let kind, let rows): "\(kind.noun(.da)): rækker uden en logget oprettelse: \(rows)"
        case .missing(let kind, let rows): "\(kind.noun(.da)): ændringer logget for rækker, der mangler: \(rows)"
        }
    }
}
