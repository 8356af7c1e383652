import Foundation

/// Times as text output shows them: in the local time zone (`TZ`, else the
/// system's), minutes only, with the zone's name as the office knows it.
/// JSON keeps UTC timestamps. The CLI and the admin panel both show times so.
///
/// ```swift
/// LocalTime.string("2026-11-02T08:15:00Z")   // 2026-11-02 09:15 CET (TZ=Europe/Copenhagen)
/// ```
public enum LocalTime {
    /// `timestamp` (UTC, as stored) in the local zone; the text itself when it is not a timestamp.
    public static func string(_ timestamp: String) -> String {
        Timestamp.date(timestamp).map(string(_:)) ?? timestamp
    }

    /// `date` in the local zone: `2026-11-02 09:15 CET`.
    public static func string(_ date: Date) -> String {
        _ = zoneRead
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return Timestamp.string(date) }
        let zone = parts.tm_zone.map { String(cString: $0) } ?? "UTC"
        // Padded by hand: `String(format:)` costs more than the rest together, and the overview shows hundreds of times.
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday))) "
            + "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))) \(zone)"
    }

    /// `value` with leading zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The C library reads `TZ` (or /etc/localtime) once, before the first conversion.
    private static let zoneRead: Void = tzset()
}
