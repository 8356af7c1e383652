import Economic
import Foundation
import Replica

/// The overview's picture of e-conomic calls: one bar per hour of the last
/// 24 (a run's calls count in the hour it started), against e-conomic's
/// fair use spread evenly over the day (a dashed line; a bar above it is red).
/// Inline SVG drawn on the server, with its summary as `<title>` and `aria-label`.
struct ApiCallsChart {
    var runs: [ModuleRun]
    var now: Date
    var language: PanelLanguage

    /// e-conomic's fair use per agreement, spread over the hours of a day.
    static let hourlyBudget = CallAccounting.dailyFairUse / 24
    static let (width, height, left, bottom, top) = (720.0, 170.0, 48.0, 22.0, 12.0)

    var window: Last24Hours { Last24Hours(now: now, left: Self.left, width: Self.width - Self.left - 8) }

    /// The calls of each hour, oldest first.
    var calls: [Int] {
        var calls = Array(repeating: 0, count: 24)
        let window = window
        for run in runs {
            if let start = Timestamp.date(run.startedAt), let hour = window.hour(of: start) { calls[hour] += run.apiCalls }
        }
        return calls
    }

    var summary: String {
        let calls = calls
        let most = calls.max() ?? 0
        let busiest = calls.firstIndex(of: most).map { Last24Hours.clockHour(window.hours[$0]) } ?? ""
        return "\(PanelText.apiCallsPerHour.in(language)): \(calls.reduce(0, +)) \(PanelText.callsInLast24Hours.in(language).lowercased()), "
            + "\(PanelText.mostInOneHour.in(language)) \(most) (\(PanelText.hour.in(language)) \(busiest)); "
            + "\(PanelText.fairUseBudget.in(language)): \(Self.hourlyBudget)"
    }

    var svg: String {
        let calls = calls
        let window = window
        let plot = Self.height - Self.bottom - Self.top
        let scale = Double(max(calls.max() ?? 0, Self.hourlyBudget)) * 1.1
        let y = { (value: Double) in Self.top + plot - plot * value / scale }
        let slot = window.width / 24
        let summary = HTML.escape(summary)
        var svg = "<svg id=\"api-calls\" role=\"img\" aria-label=\"\(summary)\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
            + "width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>\(summary)</title>\n"
        svg += "<line x1=\"\(Int(Self.left))\" y1=\"\(Last24Hours.number(y(0)))\" x2=\"\(Last24Hours.number(Self.width - 8))\" "
            + "y2=\"\(Last24Hours.number(y(0)))\" stroke=\"#8a96a3\"/>\n"
        for (index, start) in window.hours.enumerated() {
            let value = calls[index]
            let height = value == 0 ? 0 : max(2, plot * Double(value) / scale)
            let x = window.left + slot * Double(index) + 2
            let hour = Last24Hours.clockHour(start)
            svg += "<rect class=\"calls\" data-hour=\"\(hour)\" data-calls=\"\(value)\" x=\"\(Last24Hours.number(x))\" "
                + "y=\"\(Last24Hours.number(y(0) - height))\" width=\"\(Last24Hours.number(slot - 4))\" height=\"\(Last24Hours.number(height))\" "
                + "fill=\"\(value > Self.hourlyBudget ? "#c92a2a" : "#1c5d99")\">"
                + "<title>\(HTML.escape(PanelText.hour.in(language))) \(hour): \(value) \(HTML.escape(PanelText.calls.in(language)))</title></rect>\n"
            if index % 3 == 0 || index == 23 {
                svg += "<text x=\"\(Last24Hours.number(x + (slot - 4) / 2))\" y=\"\(Last24Hours.number(Self.height - 6))\" "
                    + "text-anchor=\"middle\" fill=\"#3b4a5a\">\(hour)</text>\n"
            }
        }
        let budget = Last24Hours.number(y(Double(Self.hourlyBudget)))
        svg += "<line class=\"budget\" x1=\"\(Int(Self.left))\" y1=\"\(budget)\" x2=\"\(Last24Hours.number(Self.width - 8))\" y2=\"\(budget)\" "
            + "stroke=\"#e67700\" stroke-dasharray=\"6 4\"><title>\(HTML.escape(PanelText.fairUseBudget.in(language))): \(Self.hourlyBudget)</title></line>\n"
        svg += "<text x=\"\(Int(Self.left) - 4)\" y=\"\(budget)\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#e67700\">\(Self.hourlyBudget)</text>\n"
        svg += "<text x=\"\(Int(Self.left) - 4)\" y=\"\(Last24Hours.number(y(0)))\" text-anchor=\"end\" fill=\"#3b4a5a\">0</text>\n"
        return svg + "</svg>"
    }

    /// The picture with its caption.
    var html: String {
        "<figure>\n<figcaption>\(HTML.escape(PanelText.apiCallsPerHour.in(language))); "
            + "<span class=\"budget-note\">\(HTML.escape(PanelText.fairUseBudget.in(language))): \(Self.hourlyBudget)</span></figcaption>\n"
            + svg + "\n</figure>\n"
    }
}
