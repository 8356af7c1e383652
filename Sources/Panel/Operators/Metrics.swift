import Foundation
import Replica
import Sync
import Vocabulary

/// The integration in Prometheus' text format, for an operator's monitoring:
/// per module its state, last success and last end, what its last run did,
/// its runs of the last 24 hours by outcome and today's API calls; the replica's size.
///
/// ```text
/// econsync_module_last_success_timestamp_seconds{module="customers"} 1793696400
/// ```
struct Metrics {
    var reports: [ModuleReport]
    /// Runs of the last 24 hours per module and outcome.
    var recentRuns: [Module: [ModuleRun.Outcome: Int]]
    var replicaBytes: Int

    var text: String {
        var lines: [String] = []
        func family(_ name: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) gauge")
            for sample in samples { lines.append("\(name){\(sample.labels)} \(sample.value)") }
        }
        func module(_ report: ModuleReport) -> String { "module=\"\(report.module.rawValue)\"" }
        func seconds(_ stamp: String?) -> String? {
            stamp.flatMap(Timestamp.date).map { String(Int64($0.timeIntervalSince1970)) }
        }
        family("econsync_module_up", "1 when the module's state is this one", reports.flatMap { report in
            ModuleReport.State.allCases.map { state in ("\(module(report)),state=\"\(state.rawValue)\"", report.state == state ? "1" : "0") }
        })
        family("econsync_module_last_success_timestamp_seconds", "When the module's last successful run ended (Unix time)",
               reports.compactMap { report in seconds(report.lastSuccess).map { (module(report), $0) } })
        family("econsync_module_last_end_timestamp_seconds", "When the module's last run ended (Unix time)",
               reports.compactMap { report in seconds(report.lastEnd).map { (module(report), $0) } })
        family("econsync_module_last_run_operations", "What the module's last run did, by action", reports.flatMap { report in
            [("pulled", report.pulled), ("pushed", report.pushed), ("skipped", report.skipped), ("blocked", report.blocked),
             ("conflicts", report.conflicts)].map { ("\(module(report)),action=\"\($0.0)\"", String($0.1)) }
        })
        family("econsync_module_runs_last_24h", "The module's runs that ended in the last 24 hours, by outcome", reports.flatMap { report in
            ModuleRun.Outcome.allCases.filter { $0 != .running }.map { outcome in
                ("\(module(report)),outcome=\"\(outcome.rawValue)\"", String(recentRuns[report.module]?[outcome] ?? 0))
            }
        })
        family("econsync_module_api_calls_today", "e-conomic API calls the module's runs made today (UTC)",
               reports.map { (module($0), String($0.apiCallsToday)) })
        family("econsync_replica_bytes", "The replica file's size", [("", String(replicaBytes))])
        return lines.map { $0.replacingOccurrences(of: "{}", with: "") }.joined(separator: "\n") + "\n"
    }
}
