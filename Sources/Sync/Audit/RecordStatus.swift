import Foundation
import Reconcile
import Replica
import Vocabulary

/// Whether a replica record is in e-conomic as the replica has it, and if
/// not, every reason why (the brief's "why is this not synced?"): what
/// `econsync why` and the admin panel's list of waiting records show.
///
/// ```swift
/// let status = try RecordStatus(kind: .timeEntry, id: 3, replica: replica, agreement: 1118081)
/// print(status.state, status.reasons)   // new [.notApproved]
/// ```
public struct RecordStatus: Sendable, Equatable {
    /// Where the record stands against e-conomic.
    public enum State: String, Sendable, Encodable {
        /// e-conomic has it as the replica does.
        case synced
        /// e-conomic has it, and it changed in the replica since.
        case changed
        /// e-conomic does not have it yet.
        case new
        /// Deleted in the replica.
        case deleted
        /// A registration exported on an order: e-conomic has it there (it is
        /// never also sent as a time entry), so nothing is left to do.
        case exported

        /// Whether e-conomic has the record as the replica does: itself, or on an order.
        public var isDone: Bool {
            switch self {
            case .synced, .exported: true
            case .changed, .new, .deleted: false
            }
        }
    }

    /// One reason the record is not (yet) in e-conomic as the replica has it.
    public enum Reason: Sendable, Equatable {
        /// The whole integration is paused.
        case paused
        /// The record's module is switched off.
        case moduleOff(Module)
        /// The module only imports: local changes are not sent, e-conomic's values win at its next run.
        case importOnly(Module)
        /// A registration that is not approved: only approved ones are sent.
        case notApproved
        /// Material is sent on a draft order, which the orders module exports on request.
        case awaitsOrderExport
        /// What the last run of the record's module recorded (blocked, skipped, failed).
        case lastRun(PlanReason)
        /// A push recorded in the outbox and not settled yet: the next run finishes it.
        case pushUnsettled(action: String)
        /// The last push of the record failed with this error.
        case pushFailed(String)
        /// Nothing stops it: the next run of the module sends it.
        case nextRun(Module)
    }

    public var kind: Kind
    public var id: Int64
    public var name: String?
    /// Its key in e-conomic, when e-conomic has it.
    public var economicKey: String?
    /// The number of the e-conomic order an exported registration is on (see ``State/exported``).
    public var orderNumber: Int64?
    public var module: Module
    public var state: State
    public var reasons: [Reason]

    /// The status of `kind`'s row `id` (deleted rows too); throws ``ReplicaError`` when there is none.
    /// `agreement` is the connected one (its last runs' reasons), nil when not connected.
    public init(kind: Kind, id: Int64, replica: ReplicaStore, agreement: Int?) throws {
        guard let row = try replica.localRows(kind, properties: [], ids: [id]).first else {
            throw ReplicaError(.notFound, .doesNotExist, kind: kind, row: id)
        }
        let settings = try ModuleSettings(replica: replica)
        let reconcile = try ReconcileSettings(replica: replica)
        let mapping = reconcile.mappings.first { $0.kind == kind } ?? kind.mapping
        self.kind = kind
        self.id = id
        module = kind.module
        name = try replica.name(of: kind, id: id)
        economicKey = row.foreignKey
        let unsynced = try !replica.unsyncedRows(kind, among: [id]).isEmpty
        state = row.tombstone ? .deleted : row.foreignKey == nil ? (row.onOrder ? .exported : .new) : unsynced ? .changed : .synced
        var reasons: [Reason] = []
        guard state != .exported else {
            orderNumber = try row.orderID.flatMap(replica.orderNumber(ofOrder:))
            // Done: a withdrawn push of it (planned before the export) is no reason.
            self.reasons = reasons
            return
        }
        if settings.paused { reasons.append(.paused) }
        if !settings.isEnabled(module) { reasons.append(.moduleOff(module)) }
        if mapping?.direction == .importOnly && state != .synced { reasons.append(.importOnly(module)) }
        if row.approved == false { reasons.append(.notApproved) }
        if kind == .material && state == .new { reasons.append(.awaitsOrderExport) }
        let keys = [RecordRef.planKey(local: id)] + (row.foreignKey.map { [$0] } ?? [])
        if let agreement {
            // Approval is read from the row as it is now, not from what the last run saw.
            reasons += try replica.pendingReasons(agreement: agreement, kind: kind, keys: keys).map(PlanReason.init(stored:))
                .filter { $0.description != PlanReason.notApproved.description }.map(Reason.lastRun)
        }
        if let push = try replica.outbox(kind: kind, localID: id, limit: 1).first {
            switch push.state {
            case .pending, .sending: reasons.append(.pushUnsettled(action: push.action))
            case .failed where state != .synced: reasons.append(.pushFailed(push.error ?? "failed"))
            case .failed, .confirmed: break
            }
        }
        if state != .synced && reasons.isEmpty && mapping?.direction != .importOnly && mapping != nil {
            reasons.append(.nextRun(module))
        }
        self.reasons = reasons
    }
}
