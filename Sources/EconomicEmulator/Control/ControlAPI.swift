import Foundation
import Snapshot

/// The emulator's own API under `/_emulator/` (no tokens; loopback peers only):
/// inspect state, change records as an e-conomic user would, revoke grants,
/// and switch faults on and off.
///
/// ```
/// GET    /_emulator/state                     counts per kind, grants, requests, faults
/// GET    /_emulator/records?kind=customer     {"records":[{"kind","key","data"}…]}
/// GET    /_emulator/records/customer/1001
/// PUT    /_emulator/records/customer/1001     body: the record's data (stamps lastUpdated)
/// DELETE /_emulator/records/customer/1001
/// POST   /_emulator/orders/7/send             draft order 7 is sent (see OrderMove); …/archive archives it
/// PUT    /_emulator/grants/TOKEN              register a grant
/// POST   /_emulator/grants/TOKEN/revoke       the agreement revokes it: 401 from now on
/// POST   /_emulator/faults                    {"seed":7,"errorRate":0.1,"dropRate":0.05,"throttleBurst":3,"latencyMs":0,"throttleHints":"never"}
/// DELETE /_emulator/faults
/// ```
enum ControlAPI {
    static func handle(_ env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let request = env.request
        guard request.fromLoopback else {
            return error(403, "The control API answers loopback clients only.")
        }
        let path = Array(request.segments.dropFirst())
        switch (path.first ?? "", request.method) {
        case ("state", "GET") where path.count == 1:
            return .json(200, stateDocument(state))
        case ("records", _):
            return records(Array(path.dropFirst()), env: env, state: &state)
        case ("orders", "POST") where path.count == 3:
            guard let number = Int64(path[1]), let move = OrderMove(rawValue: path[2]) else {
                return error(404, "No control route \(request.method) \(request.rawPath): use /_emulator/orders/N/"
                             + OrderMove.allCases.map(\.rawValue).joined(separator: "|") + ".")
            }
            if let refusal = state.moveOrder(number, move) { return error(404, refusal.message) }
            return .empty(204)
        case ("grants", "PUT") where path.count == 2:
            state.grants.insert(path[1])
            state.revoked.remove(path[1])
            return .empty(204)
        case ("grants", "POST") where path.count == 3 && path[2] == "revoke":
            state.grants.remove(path[1])
            state.revoked.insert(path[1])
            return .empty(204)
        case ("faults", "POST") where path.count == 1:
            guard let body = try? request.json() else { return error(400, "The body must be JSON.") }
            let (faults, problem) = FaultInjector.from(body)
            guard let faults else { return error(400, problem ?? "bad fault settings") }
            state.faults = faults
            return .json(200, faults.json)
        case ("faults", "DELETE") where path.count == 1:
            state.faults = nil
            return .empty(204)
        default:
            return error(404, "No control route \(request.method) \(request.rawPath).")
        }
    }

    static func error(_ status: Int, _ message: String) -> EmulatorResponse {
        .json(status, .object(["error": .string(message)]))
    }

    static func stateDocument(_ state: EmulatorState) -> JSONValue {
        var counts: [String: JSONValue] = [:]
        for kind in state.store.kinds { counts[kind] = .int(Int64(state.store.count(kind))) }
        return .object([
            "agreementNumber": .int(Int64(state.agreement)),
            "counts": .object(counts),
            "grants": .object(["active": .array(state.grants.sorted().map { .string($0) }),
                               "revoked": .array(state.revoked.sorted().map { .string($0) })]),
            "requests": .int(Int64(state.requestCount)),
            "rateLimiting": .string(state.bucket.header),
            "faults": state.faults?.json ?? .null,
        ])
    }

    /// The key of `kind` named by a path segment: by string where the kind's keys are strings (products), else by number.
    static func key(kind: String, _ text: String, state: EmulatorState) -> RecordKey {
        if RecordKind(rawValue: kind).flatMap({ RESTResource.byKind[$0] })?.keyIsString != true, let number = Int64(text) { return .int(number) }
        return .string(text)
    }

    static func records(_ path: [String], env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        func line(_ kind: String, _ key: RecordKey, _ data: [String: JSONValue]) -> JSONValue {
            .object(["kind": .string(kind), "key": key.json, "data": .object(data)])
        }
        switch (path.count, env.request.method) {
        case (0, "GET"):
            let kinds = env.request.query("kind").map { [$0] } ?? state.store.kinds
            let lines = kinds.flatMap { kind in state.store.all(kind).map { line(kind, $0.key, $0.data) } }
            return .json(200, .object(["records": .array(lines)]))
        case (2, "GET"):
            let key = key(kind: path[0], path[1], state: state)
            guard let data = state.store.get(path[0], key) else { return error(404, "No \(path[0]) \(key).") }
            return .json(200, line(path[0], key, data))
        case (2, "PUT"):
            guard case .object(let data)? = try? env.request.json() else { return error(400, "The body must be the record's data, a JSON object.") }
            let key = key(kind: path[0], path[1], state: state)
            let created = !state.store.contains(path[0], key)
            let stored = state.userEdit(kindNamed: path[0], key: key, data: Record(kind: path[0], key: key, entity: data).data)
            return .json(created ? 201 : 200, line(path[0], key, stored))
        case (2, "DELETE"):
            let key = key(kind: path[0], path[1], state: state)
            guard state.store.remove(path[0], key) != nil else { return error(404, "No \(path[0]) \(key).") }
            return .empty(204)
        default:
            return error(404, "No control route \(env.request.method) \(env.request.rawPath).")
        }
    }
}
