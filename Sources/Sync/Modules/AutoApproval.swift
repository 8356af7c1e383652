import Blocking
import Economic
import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// Approves, in e-conomic, the time entries a run transferred, when
/// auto-approval is on (`projects.autoApprove`), booked on the registration
/// date or at the end of the month (`projects.bookOn`). Numbers not yet
/// approved are kept in the replica, so an approval that failed or was cut
/// off is tried again on the next run.
struct AutoApproval {
    let replica: ReplicaStore
    let client: EconomicClient
    /// The setting holding time entry numbers transferred but not yet approved.
    static let pendingKey = "state.approvalsPending"

    func approve(run: Int64) async throws {
        let settings = try ProjectSettings(replica: replica)
        guard settings.autoApprove else { return }
        var pending = try await Blocking.run { [self] in
            let created = try replica.outbox(run: run)
                .filter { $0.kind == .timeEntry && $0.action == PlanOperation.Action.create.rawValue && $0.state == .confirmed }
                .compactMap { $0.economicKey.flatMap { Int64($0) } }
            let pending = Set(try stored()).union(created)
            try store(pending)
            return pending
        }
        guard !pending.isEmpty else { return }
        do {
            try await send(pending, bookOn: settings.bookOn)
        } catch let error as EconomicError where error.errorCode == "TimeEntryIsApproved" {
            // Approved already (an earlier approval got through before a cut): keep only the rest.
            pending = try await unapproved(pending)
            if !pending.isEmpty { try await send(pending, bookOn: settings.bookOn) }
        }
        try await Blocking.run { [self] in try store([]) }
    }

    func send(_ numbers: Set<Int64>, bookOn: Int) async throws {
        let sorted = numbers.sorted()
        let body = CanonicalJSON.string(.object(["numbers": .array(sorted.map { .int($0) }), "bookOn": .int(Int64(bookOn))]))
        let key = "econsync-approve-" + StableHash.hex([body])
        _ = try await client.send(.post, .projects, "/TimeEntries/approve", body: Array(body.utf8), idempotencyKey: key, module: "projectEntries")
    }

    func unapproved(_ numbers: Set<Int64>) async throws -> Set<Int64> {
        var left: Set<Int64> = []
        for number in numbers {
            let response = try await client.send(.get, .projects, "/TimeEntries/\(number)", module: "projectEntries")
            if (try? CanonicalJSON.parse(response.body))?["isApproved"] != .bool(true) { left.insert(number) }
        }
        return left
    }

    func stored() throws -> [Int64] {
        try replica.setting(Self.pendingKey)?.split(separator: ",").compactMap { Int64($0) } ?? []
    }

    func store(_ numbers: Set<Int64>) throws {
        try replica.write { writer in
            if numbers.isEmpty { try writer.removeSetting(Self.pendingKey) } else {
                try writer.setSetting(Self.pendingKey, numbers.sorted().map(String.init).joined(separator: ","))
            }
        }
    }
}
