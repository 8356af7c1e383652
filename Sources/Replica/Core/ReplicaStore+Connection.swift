import Foundation

extension ReplicaStore {
    /// The setting that names the agreement this replica (or its department) syncs.
    var connectionKey: String {
        department.map { "connection.agreement@\($0)" } ?? "connection.agreement"
    }

    /// Records that this replica syncs `agreement` (when the data directory
    /// is connected, or initialised beside an existing connection).
    public func recordConnection(agreement: Int) throws {
        try write { try $0.setSetting(connectionKey, String(agreement)) }
    }

    /// Refuses a replica that is not the one the data directory's connection
    /// was made with: one that syncs another agreement, or a replica never
    /// connected and with no snapshot of `agreement` (a fresh file put in
    /// the place of the real one would otherwise take the first sync's
    /// place and lose nothing visibly). A replica from before econsync kept
    /// the link, with snapshots of `agreement`, is linked now (unless `readOnly`).
    public func checkConnection(agreement: Int, readOnly: Bool = false) throws {
        if let recorded = try setting(connectionKey) {
            guard recorded == String(agreement) else {
                throw ReplicaError(.notAReplica, .otherAgreement(recorded, agreement), file: url.path)
            }
            return
        }
        guard try !snapshots(agreement: agreement).isEmpty else {
            throw ReplicaError(.notAReplica, .neverConnected(agreement), file: url.path)
        }
        if !readOnly { try recordConnection(agreement: agreement) }
    }
}
