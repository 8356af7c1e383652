import Foundation
import Replica
import Vocabulary

/// The overview's picture of the last 24 hours of module runs: one row per
/// module, each run a bar from its start to its end (or now, while it
/// runs), coloured by its outcome, with a legend. Inline SVG drawn on the
/// server, with its summary as `<title>` and `aria-label`.
struct RunTimeline {
    var runs: [ModuleRun]
    var now: Date
    var language: PanelLanguage

    static let (width, rowHeight, left, top) = (720.0, 20.0, 170.0, 6.0)

    var window: Last24Hours { Last24Hours(now: now, left: Self.left, width: Self.width - Self.left - 8) }

    /// The colour of a run's bar.
    static func colour(_ outcome: ModuleRun.Outcome) -> String {
        switch outcome {
        case .succeeded: "#2b8a3e"
        case .failed: "#c92a2a"
        case .timedOut: "#e67700"
        case .needsReconnect: "#862e9c"
        case .running: "#1c5d99"
        }
    }

    /// The runs of the window, by outcome (the outcomes that occur, in their order).
    var counts: [(ModuleRun.Outcome, Int)] {
        let shown = runs.filter { run in Timestamp.date(run.endedAt ?? run.startedAt).map { $0 >= window.start } ?? false }
        return ModuleRun.Outcome.allCases.map { outcome in (outcome, shown.count { $0.outcome == outcome }) }.filter { $0.1 > 0 }
    }

    var summary: String {
        let counts = counts
        let total = counts.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return "\(PanelText.runsLast24Hours.in(language)): \(PanelText.noRuns.in(language))" }
        return "\(PanelText.runsLast24Hours.in(language)): \(total) \(PanelText.runsInAll.in(language)): "
            + counts.map { "\($0.1) \(PanelText.outcome($0.0).in(language))" }.joined(separator: ", ")
    }

    var svg: String {
        let window = window
        let height = Self.top + Self.rowHeight * Double(Module.allCases.count) + 20
        let summary = HTML.escape(summary)
        var svg = "<svg id=\"run-timeline\" role=\"img\" aria-label=\"\(summary)\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" "
            + "width=\"\(Int(Self.width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>\(summary)</title>\n"
        for (row, module) in Module.allCases.enumerated() {
            let y = Self.top + Self.rowHeight * Double(row)
            let name = HTML.escape(PanelText.module(module, language))
            svg += "<text x=\"\(Int(Self.left) - 6)\" y=\"\(Last24Hours.number(y + Self.rowHeight / 2))\" text-anchor=\"end\" "
                + "dominant-baseline=\"middle\" fill=\"#1d2733\">\(name)</text>\n"
            svg += "<line x1=\"\(Int(Self.left))\" y1=\"\(Last24Hours.number(y + Self.rowHeight / 2))\" x2=\"\(Last24Hours.number(Self.width - 8))\" "
                + "y2=\"\(Last24Hours.number(y + Self.rowHeight / 2))\" stroke=\"#d9dee4\"/>\n"
            for run in runs where run.module == module.rawValue {
                guard let start = Timestamp.date(run.startedAt) else { continue }
                let end = run.endedAt.flatMap(Timestamp.date) ?? now
                guard end >= window.start else { continue }
                let x = window.x(start)
                let width = max(3, window.x(end) - x)
                let when = LocalTime.string(run.startedAt) + (run.endedAt.map { "–" + LocalTime.string($0) } ?? "")
                svg += "<rect class=\"run outcome-\(run.outcome.rawValue)\" data-module=\"\(module.rawValue)\" data-outcome=\"\(run.outcome.rawValue)\" "
                    + "x=\"\(Last24Hours.number(x))\" y=\"\(Last24Hours.number(y + 3))\" width=\"\(Last24Hours.number(width))\" "
                    + "height=\"\(Last24Hours.number(Self.rowHeight - 6))\" fill=\"\(Self.colour(run.outcome))\">"
                    + "<title>\(name) \(HTML.escape(when)): \(HTML.escape(PanelText.outcome(run.outcome).in(language)))</title></rect>\n"
            }
        }
        for (index, hour) in window.hours.enumerated() where index % 3 == 0 {
            svg += "<text x=\"\(Last24Hours.number(window.x(hour)))\" y=\"\(Last24Hours.number(height - 4))\" text-anchor=\"middle\" "
                + "fill=\"#3b4a5a\">\(Last24Hours.clockHour(hour))</text>\n"
        }
        return svg + "</svg>"
    }

    /// The picture with its caption and legend.
    var html: String {
        let legend = ModuleRun.Outcome.allCases.map { outcome in
            "<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"\(Self.colour(outcome))\"/></svg> "
                + HTML.escape(PanelText.outcome(outcome).in(language)) + "</span>"
        }.joined()
        return "<figure>\n<figcaption>\(HTML.escape(PanelText.runsLast24Hours.in(language)))</figcaption>\n" + svg
            + "\n<p class=\"legend\">\(legend)</p>\n</figure>\n"
    }
}
