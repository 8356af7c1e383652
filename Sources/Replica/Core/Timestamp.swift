import Foundation

/// UTC timestamps as stored in the replica: ISO 8601 with seconds, `Z`.
public enum Timestamp {
    /// The UTC day of `date`, `YYYY-MM-DD` (an order's date).
    public static func day(_ date: Date) -> String {
        String(string(date).prefix(10))
    }

    /// `2026-11-02T08:00:00Z`.
    public static func string(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = Int(seconds.floorDiv(86_400))
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds allowed); nil otherwise.
    public static func date(_ text: String) -> Date? {
        if let date = canonical(text) { return date }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// A day (`2026-11-02`, its start in UTC) or a UTC time as stored
    /// (`2026-11-02T08:00:00Z`), as the replica's timestamps compare with it;
    /// nil for any other text. With `dayAfter`, a day names the next one's
    /// start (the end of a range that includes the day).
    ///
    /// ```swift
    /// Timestamp.bound("2026-11-02")                   // "2026-11-02T00:00:00Z"
    /// Timestamp.bound("2026-11-02", dayAfter: true)   // "2026-11-03T00:00:00Z"
    /// ```
    public static func bound(_ text: String, dayAfter: Bool = false) -> String? {
        if let date = date(text) { return string(date) }
        guard let day = LocalDate(text) else { return nil }
        return string(Date(timeIntervalSince1970: Double((day.daysSinceEpoch + (dayAfter ? 1 : 0)) * 86_400)))
    }

    /// Reads exactly the form ``string(_:)`` writes without a date formatter
    /// (making one costs more than a replica write; approving thousands of
    /// registrations reads as many); nil for any other text.
    static func canonical(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return nil }
        for (index, mark) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)]
        where bytes[index] != UInt8(ascii: mark) {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let days = daysFromCivil(year, month, day)
        guard civil(fromDays: days) == (year, month, day) else { return nil }   // 31 November and the like
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// A proleptic Gregorian date to days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
