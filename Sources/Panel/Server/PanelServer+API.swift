import Blocking
import Foundation
import Hummingbird
import Replica
import Sync
import Vocabulary

extension PanelServer {
    /// The JSON a script reads, in the shapes of the CLI's `--json`, the
    /// command's options as the query (a value that cannot be is a 400 naming it):
    /// `/api/status` (`econsync status`), `/api/log` (`econsync log`: ?module=,
    /// ?since=, ?limit=), `/api/pending` (every waiting record as `econsync why`
    /// gives one: ?module=, ?limit=), `/api/conflicts` (`econsync conflicts`:
    /// ?module=, ?since=) and `/api/orders` (`econsync order list`).
    func addAPI(to router: Router<PanelContext>) {
        router.get("/api/status") { _, _ in
            try await Self.json { [self] in ["modules": try reports()] }
        }
        router.get("/api/log") { request, _ in
            let query = request.uri.queryParameters
            let (module, since, limit) = (try Self.module(query), try Self.since(query), try Self.limit(query) ?? 50)
            return try await Self.json { [self] in try workspace.scheduler(replica).history(module: module, since: since, limit: limit) }
        }
        router.get("/api/pending") { request, _ in
            let query = request.uri.queryParameters
            let (module, limit) = (try Self.module(query), try Self.limit(query) ?? 500)
            return try await Self.json { [self] in
                PendingRecords.Report(try pendingRecords(module: module, limit: limit))
            }
        }
        router.get("/api/conflicts") { request, _ in
            let query = request.uri.queryParameters
            let (module, since) = (try Self.module(query), try Self.since(query))
            return try await Self.json { [self] in
                ["conflicts": try replica.conflicts(since: since, module: module?.rawValue).map(ConflictReport.init)]
            }
        }
        router.get("/api/orders") { _, _ in
            try await Self.json { [self] in ["orders": try replica.orderExports().map(OrderReport.ExportEntry.init)] }
        }
    }

    /// The records of `module` (every module's when nil) not in e-conomic as the replica has them, the first `limit` with their reasons.
    func pendingRecords(module: Module?, limit: Int = 500) throws -> PendingRecords {
        let agreement = try? workspace.credentialsFile.load().agreementNumber
        return try PendingRecords(replica: replica, agreement: agreement, modules: module.map { [$0] } ?? Set(Module.allCases), limit: limit)
    }

    /// A 200 answer with `value`, made off the server's threads, as JSON.
    static func json<Value: Encodable & SendableMetatype>(_ value: @escaping @Sendable () throws -> Value) async throws -> Response {
        let json = try await Blocking.run { try PanelJSON.encode(try value()) }
        return response(.ok, json, type: "application/json")
    }

    /// `?module=`, a module's name as the CLI's `--module` takes it.
    static func module(_ query: Parameters) throws -> Module? {
        try query.get("module").map { name in
            guard let module = Module(rawValue: name) else { throw badQuery("module", name, "a module such as customers") }
            return module
        }
    }

    /// `?since=`, a day or a UTC time as the CLI's `--since` takes it, as the bound it sets.
    static func since(_ query: Parameters) throws -> String? {
        try query.get("since").map { text in
            guard let bound = Timestamp.bound(text) else { throw badQuery("since", text, "a day (YYYY-MM-DD) or a UTC time") }
            return bound
        }
    }

    /// `?limit=`, a number of 1 or more.
    static func limit(_ query: Parameters) throws -> Int? {
        try query.get("limit").map { text in
            guard let limit = Int(text), limit > 0 else { throw badQuery("limit", text, "a number of 1 or more") }
            return limit
        }
    }

    /// A 400 answer for an `/api/…` query parameter that cannot be: what it was and what it should be.
    static func badQuery(_ name: String, _ value: String, _ expected: String) -> HTTPError {
        HTTPError(.badRequest, message: "?\(name)=\(value) is not \(expected)")
    }
}
