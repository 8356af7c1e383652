import Vocabulary
import Foundation
internal import GRDB

/// The checks a record runs before it is written: each throws a
/// ``ReplicaError`` naming the kind, row and field when the rule is broken.
public struct Validation {
    let db: Database
    /// The kind of record being checked.
    public let kind: Kind
    /// The local id of the record being checked, nil when it is new.
    public let row: Int64?
    let department: Int?
    /// Where the values being checked come from (see ``WriteOrigin``).
    public let origin: WriteOrigin
    /// The columns an update changes; nil for a new record. The rules for
    /// input apply to these only: an edit of one field never trips over a
    /// value e-conomic sent in another.
    let changedColumns: Set<String>?
    /// What earlier checks of the same batch found; nil outside a batch.
    let memo: ValidationMemo?

    init(db: Database, kind: Kind, row: Int64?, department: Int?, origin: WriteOrigin, changedColumns: Set<String>? = nil,
         memo: ValidationMemo? = nil) {
        self.db = db
        self.kind = kind
        self.row = row
        self.department = department
        self.origin = origin
        self.changedColumns = changedColumns
        self.memo = memo
    }

    /// Whether the rules for what people type apply to `field`: values from
    /// e-conomic are stored as they are, and a field an edit leaves alone is
    /// not checked again.
    public func checksInput(_ field: String) -> Bool {
        guard origin == .local else { return false }
        guard let changedColumns else { return true }
        return changedColumns.contains(Self.column(field))
    }

    /// The column of a field: `salesPrice` → `sales_price`.
    static func column(_ field: String) -> String {
        var column = ""
        for character in field {
            if character.isUppercase { column += "_" + character.lowercased() } else { column.append(character) }
        }
        return column
    }

    /// The refusal of the record being checked (of its `field`'s value when named), for `problem`.
    public func error(_ code: ReplicaError.Code = .invalidField, field: String?, _ problem: ReplicaProblem) -> ReplicaError {
        ReplicaError(code, problem, kind: kind, row: row, field: field)
    }

    /// Requires non-empty text of at most `max` characters.
    public func text(_ value: String, _ field: String, max: Int) throws {
        guard checksInput(field) else { return }
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw error(field: field, .empty)
        }
        try optionalText(value, field, max: max)
    }

    /// Requires text, when present, of at most `max` characters.
    public func optionalText(_ value: String?, _ field: String, max: Int) throws {
        guard checksInput(field) else { return }
        if let value, value.count > max {
            throw error(field: field, .tooLong(characters: value.count, max: max))
        }
    }

    /// Whether a customer in VAT zone `vatZoneId` (a local id) is Danish:
    /// no zone, or e-conomic's zone 1 (Domestic) or 4 (Domestic, VAT exempt).
    public func isDomestic(vatZoneId: Int64?) throws -> Bool {
        guard let vatZoneId else { return true }
        if let known = memo?.domesticZones[vatZoneId] { return known }
        let number = try String.fetchOne(db.cachedStatement(sql: "SELECT foreign_key FROM vat_zones WHERE id = ?"), arguments: [vatZoneId])
        let domestic = number == nil || number == "1" || number == "4"
        memo?.domesticZones[vatZoneId] = domestic
        return domestic
    }

    /// Requires a valid CVR number when present.
    public func cvr(_ value: String?, _ field: String = "cvr") throws {
        guard checksInput(field) else { return }
        if let value, let problem = CVR.problem(with: value) {
            throw error(field: field, problem)
        }
    }

    /// Requires an e-mail address of the form `name@host` when present.
    public func email(_ value: String?, _ field: String = "email") throws {
        guard let value, checksInput(field) else { return }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty || value.contains(" ") {
            throw error(field: field, .notEmail(value))
        }
        try optionalText(value, field, max: 250)
    }

    /// Requires a calendar date written `YYYY-MM-DD`.
    public func date(_ value: String, _ field: String = "date") throws {
        if LocalDate(value) == nil {
            throw error(field: field, .notDate(value))
        }
    }

    /// Requires a time, when present, written `YYYY-MM-DDTHH:MM:SSZ` (as approvals are stored).
    public func timestamp(_ value: String?, _ field: String) throws {
        if let value, Timestamp.date(value) == nil {
            throw error(field: field, .notTime(value))
        }
    }

    /// Requires an amount of money, when present, that is finite, not negative
    /// and has at most two decimals (as e-conomic accepts).
    public func money(_ value: Double?, _ field: String) throws {
        guard let value, checksInput(field) else { return }
        guard value.isFinite, value >= 0 else {
            throw error(field: field, .negativeAmount(Self.format(value)))
        }
        let cents = (value * 100).rounded()
        if abs(cents - value * 100) > 1e-6 * max(1, abs(value)) {
            throw error(field: field, .tooManyDecimals(Self.format(value)))
        }
    }

    /// Requires a quantity that is finite and greater than zero.
    public func positive(_ value: Double, _ field: String) throws {
        guard checksInput(field) else { return }
        guard value.isFinite, value > 0 else {
            throw error(field: field, .notPositive(Self.format(value)))
        }
    }

    /// A number as people write it: `25`, `7.5`.
    public static func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Requires `id`, when present (or always, for a required reference), to
    /// name a live record of the reference's kind.
    public func reference(_ id: Int64?, _ reference: Reference) throws {
        guard let id else {
            if reference.required {
                throw error(.missingReference, field: reference.field, .required)
            }
            return
        }
        if memo?.liveRows.contains(.init(kind: reference.target, id: id)) == true { return }
        let tombstone = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT tombstone FROM \(reference.target.table) WHERE id = ?"), arguments: [id])
        guard let tombstone else {
            throw error(.missingReference, field: reference.field, .referenceMissing(reference.target, id))
        }
        if tombstone {
            throw error(.missingReference, field: reference.field, .referenceDeleted(reference.target, id))
        }
        memo?.liveRows.insert(.init(kind: reference.target, id: id))
    }

    /// Requires every reference of the kind being checked to be valid (`values`: the ids by column;
    /// pairs, not a dictionary: a first pull checks 100,000 rows, and hashing their few columns cost more than the check).
    public func references(_ values: KeyValuePairs<String, Int64?>) throws {
        for reference in kind.references {
            try self.reference(values.first { $0.key == reference.column }?.value ?? nil, reference)
        }
    }

    /// Requires that no other live record of this kind in the same department
    /// has `value` in `column`.
    func unique(_ column: String, _ value: (any DatabaseValueConvertible)?, field: String) throws {
        guard let value else { return }
        let other = memo?.claimsAreAll == true ? nil : try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT id FROM \(kind.table)
                WHERE ifnull(department, -1) = ifnull(?, -1) AND \(column) = ? AND tombstone = 0 AND id IS NOT ?
                LIMIT 1
                """),
            arguments: [department, value, row])
        let claimed = memo.map { !$0.claims.insert(.init(column: column, department: department, value: value.databaseValue)).inserted } ?? false
        guard other != nil || claimed else { return }
        throw error(.duplicate, field: field, .taken(kind, field: field, value: value.databaseValue.keyText, by: other))
    }

    /// Requires that a field keeps its value once the record exists in e-conomic.
    public func immutableOnceSynced<V: Equatable>(
        _ old: V, _ new: V, field: String, existsInEconomic: Bool, why: ReplicaProblem.FixedField
    ) throws {
        // e-conomic changing its own record is e-conomic's business.
        if origin == .local && existsInEconomic && old != new {
            throw error(.immutableField, field: field, .fixedOnceSynced(kind, why))
        }
    }

    /// Runs a query against the replica (for rules that need more than the helpers above).
    func fetchCount(_ sql: String, _ arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
    }
}
