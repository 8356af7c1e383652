import Foundation
internal import GRDB
import Vocabulary

/// The local replica: one SQLite file (WAL mode, foreign keys on) holding all
/// Mobilplan-side data with change tracking. It works fully offline.
///
/// ```swift
/// let replica = try ReplicaStore.open(at: dir.appending(path: "replica.sqlite"), create: true)
/// let customer = try replica.write { try $0.create(Customer(name: "Hansen VVS ApS", cvr: "13748136")) }
/// let changes = try replica.changes(since: 0)
/// ```
public final class ReplicaStore: Sendable {
    /// The replica file.
    public let url: URL
    /// The clock used for change-log times and approvals.
    public let now: @Sendable () -> Date
    /// The department this view of the replica syncs, when a Mobilplan
    /// company keeps one e-conomic agreement per department: e-conomic keys are
    /// looked up among its records only, and records pulled in join it. Nil:
    /// the records without a department (one agreement).
    public let department: Int?
    let pool: DatabasePool
    /// Marks the file open in this process while any view of it lives.
    let openFile: OpenReplicaFile

    /// The schema version this build of econsync writes.
    public static var schemaVersion: Int { ReplicaSchema.version }

    /// The name of the replica file inside a data directory.
    public static let fileName = "replica.sqlite"

    /// Opens (and, with `create`, creates) the replica at `url`, upgrading an
    /// older schema in place.
    ///
    /// Throws ``ReplicaError`` naming the file when there is no replica and
    /// `create` is false, when the file is not an econsync replica, is
    /// corrupt, or was written by a newer econsync.
    ///
    /// With `readOnly`, nothing is ever written to the file, not even the
    /// bookkeeping SQLite and GRDB do when a connection opens (a dry run
    /// leaves the file byte for byte as it was); writes then fail.
    public static func open(
        at url: URL, create: Bool = false, readOnly: Bool = false, now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> ReplicaStore {
        let path = url.path
        if !FileManager.default.fileExists(atPath: path) {
            guard create else {
                throw ReplicaError(.notInitialised, .noReplica, file: path, remedy: .initialise)
            }
        } else {
            // A raw read of a file this process has open would drop SQLite's locks on it (see OpenReplicaFile).
            if !OpenReplicaFile.isOpen(path) { try checkHeader(path) }
        }
        do {
            var current = false
            if FileManager.default.fileExists(atPath: path) {
                current = try checkCompatible(path) == ReplicaSchema.version
            }
            var configuration = configuration(now: now)
            if readOnly {
                guard current else {
                    throw ReplicaError(.notInitialised, .needsUpgrade(to: ReplicaSchema.version),
                                       file: path, remedy: .upgradeReplica)
                }
                configuration.readonly = true
            }
            let openFile = OpenReplicaFile(path: path)
            let pool = try DatabasePool(path: path, configuration: configuration)
            // Only an older file is migrated (a read-only pool could not, and needs not).
            if !current { try ReplicaSchema.migrator.migrate(pool) }
            return ReplicaStore(url: url, pool: pool, openFile: openFile, now: now, department: nil)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    private init(url: URL, pool: DatabasePool, openFile: OpenReplicaFile, now: @escaping @Sendable () -> Date, department: Int?) {
        self.url = url
        self.pool = pool
        self.openFile = openFile
        self.now = now
        self.department = department
    }

    /// The same replica, seen as `department`'s (see ``department``).
    public func scoped(to department: Int?) -> ReplicaStore {
        ReplicaStore(url: url, pool: pool, openFile: openFile, now: now, department: department)
    }

    static func configuration(now: @escaping @Sendable () -> Date) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        let clock = ChangeClock(now: now)
        config.prepareDatabase { db in
            try MappedHash.register(on: db)
            try clock.register(on: db)
            // Bulk writes touch index pages all over: a 32 MiB page cache, and a
            // checkpoint every 8192 pages (not 1000) so a hot page is copied
            // from the WAL once per checkpoint rather than many times.
            // Readers (a pool keeps several) stay with SQLite's default cache.
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
            // A first sync writes one large transaction: once checkpointed, its WAL is cut back to 32 MiB, not kept at its peak.
            try db.execute(sql: "PRAGMA journal_size_limit = 33554432")
        }
        return config
    }

    /// Refuses files that are plainly not SQLite databases before SQLite sees them.
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReplicaError(.notAReplica, .unreadable(.permissionDenied), file: path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty {
            // SQLite would take an empty file for a new database: a replica
            // emptied by a full disk or a bad copy would silently start afresh.
            throw ReplicaError(.corrupt, .emptyFile, file: path)
        }
        if header != Data("SQLite format 3\0".utf8) {
            throw ReplicaError(.notAReplica, .notSQLite, file: path)
        }
    }

    /// Refuses a file that is not an econsync replica or was written by a
    /// newer econsync, reading it through a read-only connection so that a
    /// refused file is left exactly as it was.
    /// Returns the file's schema version.
    @discardableResult
    private static func checkCompatible(_ path: String) throws -> Int {
        var config = Configuration()
        config.readonly = true
        // Another process may be checkpointing or writing: wait for it as every connection does.
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if applicationID != ReplicaSchema.applicationID && (applicationID != 0 || tables > 0) {
                throw ReplicaError(.notAReplica, .notReplica, file: path)
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let superseded = try db.tableExists("grdb_migrations") && ReplicaSchema.migrator.hasBeenSuperseded(db)
            if version > ReplicaSchema.version || superseded {
                throw ReplicaError(.newerSchema, .newerSchema(version, knows: ReplicaSchema.version), file: path)
            }
            return version
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> ReplicaError {
        if let missing = missingPart(error) {
            return ReplicaError(.corrupt, .damaged(missing: missing), file: path)
        }
        return switch error.resultCode {
        case .SQLITE_NOTADB:
            ReplicaError(.notAReplica, .notSQLite, file: path)
        case .SQLITE_CORRUPT:
            ReplicaError(.corrupt, .corrupt(error.message ?? "database disk image is malformed"), file: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            ReplicaError(.busy, .busy, file: path)
        default:
            ReplicaError(.corrupt, .unusable(error.message ?? "\(error.resultCode)"), file: path)
        }
    }

    /// Runs `body` in one write transaction: everything it does is committed
    /// together, or nothing is when it throws.
    public func write<T>(_ body: (ReplicaWriter) throws -> T) throws -> T {
        try translating {
            try pool.write { db in
                try body(ReplicaWriter(db: db, now: now, department: department))
            }
        }
    }

    /// ``write(_:)`` for a transaction that writes many rows per statement (a
    /// first sync's load, 256 rows each): every statement's journal, the
    /// original of each page it changes (kept so that it alone can be undone),
    /// stays in memory. SQLite spills it to a temporary file past 64 KiB, and
    /// a load's statement changes about 300 pages (index pages all over): a
    /// first sync of 100,000 customers wrote 244 MB to /var/tmp (`strace` on
    /// `econsync bench sync`). Only here: one UPDATE of a whole big table
    /// would hold the table in memory.
    public func bulkWrite<T>(_ body: (ReplicaWriter) throws -> T) throws -> T {
        try translating {
            try pool.writeWithoutTransaction { db in
                // SQLite reads it when the transaction begins.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                var result: T?
                try db.inTransaction {
                    result = try body(ReplicaWriter(db: db, now: now, department: department))
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body` with a consistent read-only view of the replica; the
    /// replica's own: callers use its named queries (``list(_:includeDeleted:)``, ``localRows(_:properties:ids:)``, …).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try pool.read(body) }
    }

    func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError
                    where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) || Self.missingPart(error) != nil {
            throw Self.translate(error, path: url.path)
        }
    }

    /// The table or column of the schema that a damaged file lacks (SQLite's
    /// "no such table: customers"), nil for any other error.
    static func missingPart(_ error: DatabaseError) -> String? {
        guard error.resultCode == .SQLITE_ERROR, let message = error.message else { return nil }
        for part in ["table", "column"] where message.hasPrefix("no such \(part): ") {
            return "the \(part) \(message.dropFirst("no such \(part): ".count))"
        }
        return nil
    }

    /// The schema version of the open file.
    public func fileSchemaVersion() throws -> Int {
        try read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
    }
}
