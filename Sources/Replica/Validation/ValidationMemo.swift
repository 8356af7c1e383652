import Vocabulary
internal import GRDB

/// What the checks of one batch of new records (``ReplicaWriter/createAll(_:)``,
/// or a ``FirstLoad``'s batches) have learnt so far: referenced rows found live (a first pull's 100,000
/// customers name the same few groups and terms), and the unique values the
/// batch itself claims, which the database cannot see before the batch is
/// inserted. It lives for one call (or one first load), inside one transaction.
final class ValidationMemo {
    struct Row: Hashable {
        let kind: Kind
        let id: Int64
    }

    struct Claim: Hashable {
        let column: String
        let department: Int?
        let value: DatabaseValue

        /// The value and department only: a batch claims one or two columns,
        /// and a first pull claims a value for each of 100,000 rows.
        func hash(into hasher: inout Hasher) {
            hasher.combine(value)
            hasher.combine(department)
        }
    }

    /// Referenced rows found live in this transaction.
    var liveRows: Set<Row> = []
    /// Unique values claimed by records of the batch checked so far.
    var claims: Set<Claim> = []
    /// Whether ``claims`` holds every live row of the kind in the department
    /// (a first load into an empty table): a unique value is then checked
    /// against the claims alone, without a query per record.
    var claimsAreAll = false
    /// Whether VAT zones (local ids) are Danish, as looked up so far.
    var domesticZones: [Int64: Bool] = [:]
}
