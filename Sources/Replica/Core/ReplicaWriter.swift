import Vocabulary
import Foundation
internal import GRDB

/// The field-operation API, inside one write transaction of a ``ReplicaStore``:
/// create, change and delete records with validation. When any call throws,
/// nothing of the transaction is written.
///
/// ```swift
/// try replica.write { writer in
///     let entry = try writer.create(TimeEntry(employeeId: 1, projectId: 4, hourTypeId: 2,
///                                             date: "2026-11-02", hours: 7.5))
///     try writer.approve(TimeEntry.self, id: entry.id!, by: "formand")
/// }
/// ```
public struct ReplicaWriter {
    /// The underlying database connection: the replica's own, never handed out.
    let db: Database
    let now: @Sendable () -> Date
    /// The department of the replica view that opened the transaction (``ReplicaStore/department``).
    public var department: Int? = nil
    /// Where the values written come from: people's input is held to the
    /// rules for input (``InputRules``), e-conomic's pulled values are not.
    public var origin: WriteOrigin = .local

    func validation<R: ReplicaRecord>(for record: R, changedColumns: Set<String>? = nil, memo: ValidationMemo? = nil) -> Validation {
        Validation(db: db, kind: R.kind, row: record.id, department: record.department, origin: origin, changedColumns: changedColumns,
                   memo: memo)
    }

    /// Validates and inserts a new record; returns it with its local id.
    @discardableResult
    public func create<R: ReplicaRecord>(_ record: R) throws -> R {
        var record = try checkedNew(record, memo: nil)
        record.id = try StoredRecord.insertAll([record], db)[0]
        return record
    }

    /// Validates and inserts many new records of one kind; returns their
    /// local ids, in order. Every record is checked (also against the others
    /// of the call: two new products with one number are refused) before any
    /// is written, and the rows go out many per statement where the kind
    /// allows it: what a first pull of 100,000 customers needs. Records of
    /// one call cannot refer to each other (each is checked before any exists).
    ///
    /// ```swift
    /// let ids = try replica.write { try $0.createAll(customers) }
    /// ```
    public func createAll<R: ReplicaRecord>(_ records: [R]) throws -> [Int64] {
        let memo = ValidationMemo()
        return try StoredRecord.insertAll(records.map { try checkedNew($0, memo: memo) }, db)
    }

    /// `record` as a new row: no id, not synced, live, normalised when typed in, and validated.
    func checkedNew<R: ReplicaRecord>(_ record: R, memo: ValidationMemo?) throws -> R {
        var record = record
        record.id = nil
        record.syncedHash = nil
        record.tombstone = false
        if origin == .local { record.normalize() }  // e-conomic's values are stored as they are
        let check = validation(for: record, memo: memo)
        try record.validate(check, previous: nil)
        try InputRules(check).check(record, previous: nil)
        try check.unique("foreign_key", record.foreignKey.map { R.kind.foreignKeyValue($0.description) }, field: "foreignKey")
        return record
    }

    /// The live record of type `R` with local id `id`.
    public func fetch<R: ReplicaRecord>(_ type: R.Type, id: Int64) throws -> R {
        guard let record = try StoredRecord<R>.fetch(db, id: id) else {
            throw ReplicaError(.notFound, .doesNotExist, kind: R.kind, row: id)
        }
        if record.tombstone {
            throw ReplicaError(.notFound, .deleted, kind: R.kind, row: id)
        }
        return record
    }

    /// Changes a live record with `change`, validates the result against the
    /// stored version, and writes only the columns that changed.
    @discardableResult
    public func update<R: ReplicaRecord>(_ type: R.Type, id: Int64, _ change: (inout R) throws -> Void) throws -> R {
        let old = try fetch(type, id: id)
        var new = old
        try change(&new)
        new.id = old.id
        new.syncedHash = old.syncedHash
        new.tombstone = old.tombstone
        if origin == .local { new.normalize() }
        let check = validation(for: new, changedColumns: try StoredRecord.changedColumns(new, from: old))
        try new.validate(check, previous: old)
        try InputRules(check).check(new, previous: old)
        if new.foreignKey != old.foreignKey {
            try check.unique("foreign_key", new.foreignKey.map { R.kind.foreignKeyValue($0.description) }, field: "foreignKey")
        }
        try StoredRecord.updateChanges(new, from: old, db)
        return new
    }

    /// Deletes a record by setting its tombstone, so the deletion can be
    /// synced. Refused while live records still refer to it.
    public func delete<R: ReplicaRecord>(_ type: R.Type, id: Int64) throws {
        let old = try fetch(type, id: id)
        for (kind, reference) in R.kind.referrers {
            if let user = try kind.liveReferrerRequest(reference, id: id).fetchOne(db) {
                throw ReplicaError(.inUse, .inUse(by: kind, user), kind: R.kind, row: id)
            }
        }
        var new = old
        new.tombstone = true
        try new.validate(validation(for: new), previous: old)
        try StoredRecord.updateChanges(new, from: old, db)
    }

    /// Approves a registration (hours or material) as `approvedBy`. One
    /// approved already stays as it was (who approved it, and when): approving
    /// twice is no error and writes nothing.
    @discardableResult
    public func approve<R: Registration>(_ type: R.Type, id: Int64, by approvedBy: String) throws -> R {
        let current = try fetch(type, id: id)
        if current.isApproved { return current }
        return try update(type, id: id) { record in
            record.approvedAt = Timestamp.string(now())
            record.approvedBy = approvedBy
        }
    }

    /// Withdraws the approval of a registration that has not been sent yet.
    @discardableResult
    public func unapprove<R: Registration>(_ type: R.Type, id: Int64) throws -> R {
        try update(type, id: id) { record in
            if !record.isApproved {
                throw ReplicaError(.locked, .notApproved, kind: R.kind, row: id)
            }
            if let run = try unsettledPushRun(R.kind, id: id) {
                throw ReplicaError(.locked, .inTransfer(run: run), kind: R.kind, row: id)
            }
            record.approvedAt = nil
            record.approvedBy = nil
        }
    }

    /// Records that an approved registration was transferred to e-conomic as
    /// `foreignKey`; from then on it can no longer change.
    @discardableResult
    public func markTransferred<R: Registration>(_ type: R.Type, id: Int64, foreignKey: R.ForeignKey?) throws -> R {
        try update(type, id: id) { record in
            if record.transferredAt != nil {
                throw ReplicaError(.locked, .alreadyTransferred, kind: R.kind, row: id)
            }
            record.transferredAt = Timestamp.string(now())
            record.foreignKey = foreignKey ?? record.foreignKey
        }
    }

    /// Sets the employees of a project (replacing the previous set).
    public func setEmployees(ofProject projectID: Int64, to employeeIDs: [Int64]) throws {
        _ = try fetch(Project.self, id: projectID)
        let check = Validation(db: db, kind: .project, row: projectID, department: nil, origin: origin)
        for employeeID in employeeIDs {
            try check.reference(employeeID, Reference("employee_id", .employee))
        }
        let wanted = Set(employeeIDs)
        let current = Set(try Int64.fetchAll(db, sql: "SELECT employee_id FROM project_employees WHERE project_id = ?", arguments: [projectID]))
        for gone in current.subtracting(wanted).sorted() {
            try db.execute(sql: "DELETE FROM project_employees WHERE project_id = ? AND employee_id = ?", arguments: [projectID, gone])
        }
        for added in wanted.subtracting(current).sorted() {
            try db.execute(sql: "INSERT INTO project_employees(project_id, employee_id) VALUES (?, ?)", arguments: [projectID, added])
        }
    }

    /// The local id of the live record of `kind` that `ref` names.
    /// `aliases` resolves `@alias` references (bulk import).
    public func resolve(_ ref: RecordRef, as kind: Kind, aliases: [String: (Kind, Int64)] = [:]) throws -> Int64 {
        let table = kind.table
        var found: [Int64]
        switch ref {
        case .local(let id):
            found = try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id = ? AND tombstone = 0", arguments: [id])
        case .economic(let key):
            found = try liveRows(kind, "foreign_key", kind == .product ? key.databaseValue : (Int64(key) ?? -1).databaseValue)
        case .number(let number):
            guard [.product, .employee, .project].contains(kind) else {
                throw ReplicaError(.missingReference, .noNumber(kind), kind: kind)
            }
            found = try liveRows(kind, "number", kind == .product ? number.databaseValue : (Int64(number) ?? -1).databaseValue)
        case .alias(let alias):
            guard let (aliasKind, id) = aliases[alias] else {
                throw ReplicaError(.missingReference, .noAlias(alias), kind: kind)
            }
            guard aliasKind == kind else {
                throw ReplicaError(.missingReference, .aliasOfKind(alias, aliasKind, not: kind), kind: kind)
            }
            found = [id]
        case .name(let name):
            return try resolve(name: name, as: kind)
        }
        if found.count > 1 {
            // The same e-conomic key or number in several departments: the writer's department's record.
            let marks = found.map { _ in "?" }.joined(separator: ", ")
            found = try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id IN (\(marks)) AND ifnull(department, -1) = \(department ?? -1)",
                                       arguments: StatementArguments(found))
        }
        guard let first = found.first else {
            throw ReplicaError(.missingReference, .noLive(kind, "\(ref)"), kind: kind)
        }
        if found.count > 1 {
            throw ReplicaError(.missingReference, .onePerDepartment("\(ref)", found.count), kind: kind)
        }
        return first
    }

    /// The live rows of `kind` whose `column` is `value`: the writer's
    /// department's (by index), or, only when it has none, any department's.
    private func liveRows(_ kind: Kind, _ column: String, _ value: DatabaseValue) throws -> [Int64] {
        let own = try kind.liveRowsRequest(column, value, department: department).fetchAll(db)
        if !own.isEmpty { return own }
        return try Int64.fetchAll(db, sql: "SELECT id FROM \(kind.table) WHERE \(column) = ? AND tombstone = 0", arguments: [value])
    }

    /// Records that rows were reconciled: stores the hash of their mapped fields.
    public func markSynced(_ kind: Kind, ids: [Int64]) throws {
        for chunk in ids.batches() {
            let marks = SQLList.marks(chunk.count)
            try db.execute(
                sql: "UPDATE \(kind.table) SET synced_hash = \(MappedHash.expression(for: kind)) WHERE id IN (\(marks))",
                arguments: StatementArguments(Array(chunk)))
        }
    }

    /// Records that one row was reconciled, but only if its mapped hash is
    /// still `expected` (a row edited since keeps its change to push).
    /// Returns whether it was marked.
    @discardableResult
    public func markSynced(_ kind: Kind, id: Int64, expected: String?) throws -> Bool {
        let hash = MappedHash.expression(for: kind)
        try db.execute(sql: "UPDATE \(kind.table) SET synced_hash = \(hash) WHERE id = ? AND \(hash) IS ?", arguments: [id, expected])
        return db.changesCount > 0
    }

    /// The current mapped hash of a row, nil when it does not exist.
    public func mappedHash(_ kind: Kind, id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT \(MappedHash.expression(for: kind)) FROM \(kind.table) WHERE id = ?", arguments: [id])
    }

    /// A stored setting, nil when it is not set (its default applies).
    public func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
    }

    /// Stores a setting.
    public func setSetting(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    /// Removes a setting (back to its default).
    public func removeSetting(_ key: String) throws {
        try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
    }
}
