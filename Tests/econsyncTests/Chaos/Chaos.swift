import Foundation
import Testing

/// The reliability suite: its parts run one after another (each starts
/// processes of its own; together they would starve the rest of the suite).
@Suite("Chaos", .serialized)
struct ChaosTests {}

/// The reliability suite's size and its figures. `make test` runs the short
/// form; `make chaos` sets `ECONSYNC_CHAOS=full` for the whole suite. Each
/// part prints one line of figures: probes tried, handled, defects.
enum Chaos {
    /// Whether the whole suite runs (`ECONSYNC_CHAOS=full`).
    static let full = ProcessInfo.processInfo.environment["ECONSYNC_CHAOS"] == "full"

    /// `short` in `make test`, `whole` in `make chaos`.
    static func size<T>(short: T, whole: T) -> T { full ? whole : short }

    /// The tally of one part of the suite.
    struct Tally {
        let part: String
        var probes = 0
        var defects: [String] = []

        init(_ part: String) { self.part = part }

        /// Counts a probe; a non-nil `defect` is one.
        mutating func probe(_ defect: String?) {
            probes += 1
            if let defect { defects.append(defect) }
        }

        /// Prints the figures and records every defect as a test issue.
        func report(_ extra: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
            let line = "chaos \(part): \(probes) probes, \(probes - defects.count) handled, \(defects.count) defects"
                + (extra.isEmpty ? "" : "; \(extra)") + (Chaos.full ? "" : " (short form)")
            print(line)
            for defect in defects.prefix(20) {
                Issue.record(Comment(rawValue: "\(part): \(defect)"), sourceLocation: sourceLocation)
            }
            #expect(probes > 0, "\(part) tried nothing", sourceLocation: sourceLocation)
        }
    }
}
