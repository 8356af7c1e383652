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
        return String(format: "%04d-%02d-%02d %02d:%02d ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min)) + zone
    }

    /// The C library reads `TZ` (or /etc/localtime) once, before the first conversion.
    private static let zoneRead: Void = tzset()
}
