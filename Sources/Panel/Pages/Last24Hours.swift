import Foundation
import Replica

/// The window the overview's pictures draw: the 24 clock hours up to now
/// (the current hour last), laid across `width` pixels from `left`.
///
/// ```swift
/// let window = Last24Hours(now: now, left: 40, width: 672)
/// window.hours.count          // 24, oldest first
/// window.x(now)               // 40 + 672 * (23 + minutes/60) / 24
/// ```
struct Last24Hours {
    /// The start of the oldest hour.
    var start: Date
    var now: Date
    var left: Double
    var width: Double

    init(now: Date, left: Double, width: Double) {
        let hourStart = (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600
        start = Date(timeIntervalSince1970: hourStart - 23 * 3600)
        self.now = now
        self.left = left
        self.width = width
    }

    /// The starts of the 24 hours, oldest first.
    var hours: [Date] { (0..<24).map { start.addingTimeInterval(Double($0) * 3600) } }

    /// The hour `date` falls in (0 the oldest), nil outside the window.
    func hour(of date: Date) -> Int? {
        let index = Int((date.timeIntervalSince(start) / 3600).rounded(.down))
        return (0..<24).contains(index) ? index : nil
    }

    /// Where `date` is drawn: the window's 24 hours span `width`; earlier and later times are held at its edges.
    func x(_ date: Date) -> Double {
        left + width * min(max(date.timeIntervalSince(start), 0), 24 * 3600) / (24 * 3600)
    }

    /// The hour of the day of `date` in the local zone, as the panel shows times: `07`.
    static func clockHour(_ date: Date) -> String {
        String(LocalTime.string(date).split(separator: " ")[1].prefix(2))
    }

    /// `value` for an SVG attribute: at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
