import Sync

/// What `econsync sync --json` prints: each module tried, and when the sync
/// stopped early, why, and (e-conomic unreachable) what waits locally.
///
/// ```json
/// {"modules": [{"module": "units", "errorKind": "unreachable", "remedy": {"action": "retryLater", "after": "network", …}, …}],
///  "stopped": "unreachable", "keptLocally": {"timeEntries": 1, "materials": 0}}
/// ```
struct SyncReport: Encodable {
    /// Approved registrations kept in the replica for the next sync.
    struct Kept: Encodable {
        var timeEntries: Int
        var materials: Int
    }

    var modules: [ModuleRunReport]
    /// Why the modules after the last one were not tried (`needsReconnect`, `unreachable`); absent when none was left out.
    var stopped: String?
    /// When e-conomic could not be reached: what the next sync sends.
    var keptLocally: Kept?

    init(_ outcome: SyncOutcome) {
        modules = outcome.results.map(ModuleRunReport.init)
        stopped = outcome.stopped?.rawValue
        keptLocally = outcome.keptLocally.map { Kept(timeEntries: $0.timeEntries, materials: $0.materials) }
    }
}
