internal import GRDB

extension ReplicaStore {
    /// Every module's stored status, by module name (modules never run have none).
    public func moduleStatuses() throws -> [String: ModuleStatus] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try StoredEntry<ModuleStatus>.all().fetchValues(db).map { ($0.module, $0) })
        }
    }

    /// The latest runs of `module` (of every module when nil) started at or after `since`, newest first.
    public func moduleRuns(module: String? = nil, since: String? = nil, limit: Int = 20) throws -> [ModuleRun] {
        try read { db in
            var request = StoredEntry<ModuleRun>.all().order(ModuleRun.Columns.id.column.desc).limit(limit)
            if let module { request = request.filter(ModuleRun.Columns.module.column == module) }
            if let since { request = request.filter(ModuleRun.Columns.startedAt.column >= since) }
            return try request.fetchValues(db)
        }
    }

    /// The e-conomic calls the runs of each of `modules` used since `since` (a UTC time), by module (none: 0).
    /// Read module by module through the index of runs by module and start: one query over `started_at`
    /// alone would read every run of a year's history to find today's (the overview asks on every view).
    public func apiCalls(since: String, modules: [String]) throws -> [String: Int] {
        try read { db in
            var calls: [String: Int] = [:]
            for module in modules {
                calls[module] = try Int.fetchOne(db, sql: Self.apiCallsSQL, arguments: [module, since]) ?? 0
            }
            return calls
        }
    }

    /// One module's calls since a time.
    static let apiCallsSQL = "SELECT coalesce(sum(api_calls), 0) FROM module_runs WHERE module = ? AND started_at >= ?"

    /// The notifications recorded (about `module` only, when given; at or after `since`), newest first.
    public func notifications(module: String? = nil, since: String? = nil, limit: Int = 50) throws -> [NotificationEntry] {
        try read { db in
            var request = StoredEntry<NotificationEntry>.all().order(NotificationEntry.Columns.id.column.desc).limit(limit)
            if let module { request = request.filter(NotificationEntry.Columns.module.column == module) }
            if let since { request = request.filter(NotificationEntry.Columns.at.column >= since) }
            return try request.fetchValues(db)
        }
    }
}

extension ReplicaWriter {
    /// The stored status of `module`, or a fresh idle one.
    public func moduleStatus(_ module: String) throws -> ModuleStatus {
        try StoredEntry<ModuleStatus>.filter(key: module).fetchValue(db) ?? ModuleStatus(module: module)
    }

    /// Every stored module status.
    public func moduleStatuses() throws -> [ModuleStatus] {
        try StoredEntry<ModuleStatus>.all().fetchValues(db)
    }

    /// Stores `status`.
    public func save(_ status: ModuleStatus) throws {
        try StoredEntry.save(status, db)
    }

    /// Records a new run and returns it with its id.
    public func insert(_ run: ModuleRun) throws -> ModuleRun {
        try StoredEntry.inserted(run, db)
    }

    /// Stores a run's end.
    public func save(_ run: ModuleRun) throws {
        try StoredEntry.update(run, db)
    }

    /// The run with id `id`.
    public func moduleRun(_ id: Int64) throws -> ModuleRun? {
        try StoredEntry<ModuleRun>.filter(key: id).fetchValue(db)
    }

    /// When a notification about `module` and `errorKind` was last mailed, if ever.
    public func lastMailed(module: String, errorKind: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT max(at) FROM notifications WHERE module = ? AND error_kind = ? AND state = 'sent'",
                            arguments: [module, errorKind])
    }

    /// Records a notification.
    public func record(_ notification: NotificationEntry) throws {
        _ = try StoredEntry.inserted(notification, db)
    }
}
