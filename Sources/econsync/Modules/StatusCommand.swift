import ArgumentParser
import Foundation
import Replica
import Sync

/// `econsync status`: every module's state.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each sync module's state, last and next run, what its last run did, and its last error.",
        discussion: """
            States: idle, running, failed (tried again when due), disabled (in config), needs reconnect (e-conomic's \
            token expired: run `econsync reconnect`). A module shown running for over 12 hours is timed out and released.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let context = try ModuleContext(global: global)
        let reports = try context.scheduler.report()
        if output.json { return try Output.json(reports) }
        let paused = try context.scheduler.settings().paused
        if paused { Swift.print("the integration is paused: no module runs until `econsync resume`") }
        Self.print(reports, now: context.scheduler.now(), paused: paused)
        let warnings = Dictionary(grouping: try DataWarning.scan(context.scheduler.replica), by: \.rule)
        for rule in DataWarning.Rule.allCases {
            guard let some = warnings[rule] else { continue }
            Output.line("warning: \(Output.count(some.count, "customer")) with \(rule == .cvr ? "a CVR that is not a Danish CVR number" : "several addresses in the e-mail field"), "
                        + "e.g. \(some[0]) (all: econsync audit)")
        }
    }

    static func print(_ reports: [ModuleReport], now: Date, paused: Bool = false) {
        let rows = reports.map { report in
            [
                "\(report.number) \(report.module)", report.state.rawValue + (report.lastRunForced ? " (forced)" : ""),
                report.lastEnd.map { time($0) } ?? "never", report.lastSuccess.map { time($0) } ?? "never",
                report.manual ? "manual" : paused ? "paused" : report.nextDue.map { due($0, now: now) } ?? "-",
                "\(report.pulled)/\(report.pushed)/\(report.skipped)/\(report.blocked)/\(report.conflicts)", String(report.apiCallsToday),
            ]
        }
        Output.table(["MODULE", "STATE", "LAST RUN", "LAST SUCCESS", "NEXT", "PULL/PUSH/SKIP/BLOCK/CONFL", "CALLS TODAY"], rows, rightAligned: [6])
        for report in reports {
            if let error = report.lastError { Output.line("\(report.module): \(error)") }
            if report.state == .disabled, let reason = report.disabledReason, report.module.requiresFinance { Swift.print("\(report.module): \(reason)") }
        }
    }

    /// `2026-11-02T08:15:00Z` as `2026-11-02 08:15`.
    static func time(_ timestamp: String) -> String {
        String(timestamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    static func due(_ timestamp: String, now: Date) -> String {
        guard let date = Timestamp.date(timestamp), date > now else { return "due now" }
        return time(timestamp)
    }
}
