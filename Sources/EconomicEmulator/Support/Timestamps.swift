import Foundation

/// e-conomic's timestamp spellings: `lastUpdated` is `2019-01-22T16:03:55Z`
/// (UTC, seconds), `logTime` the same without the zone; filters accept a date
/// (`2019-01-13`) or a timestamp.
enum Timestamps {
    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC.
    static func iso(_ date: Date) -> String { format(date) + "Z" }

    /// `yyyy-MM-ddTHH:mm:ss` in UTC (legacy `logTime`, OpenAPI `traceTimeUtc`).
    static func logTime(_ date: Date) -> String { format(date) }

    /// `yyyy-MM-dd` in UTC.
    static func day(_ date: Date) -> String { String(format(date).prefix(10)) }

    static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Parses `yyyy-MM-dd`, `yyyy-MM-ddTHH:mm[:ss[.fff]]` with an optional `Z`
    /// or `±hh:mm` (no zone = UTC); nil for anything else.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        var index = 10
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " "),
                  let h = number(11..<13), bytes.count > 13, bytes[13] == UInt8(ascii: ":"), let m = number(14..<16) else { return nil }
            hour = h
            minute = m
            index = 16
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard let s = number(17..<19) else { return nil }
                second = s
                index = 19
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    var end = index + 1
                    while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
                    fraction = Double("0" + String(decoding: bytes[index..<end], as: UTF8.self)) ?? 0
                    index = end
                }
            }
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: "Z"), index == bytes.count - 1 {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                          bytes.count == index + 6, let oh = number(index + 1..<index + 3), let om = number(index + 4..<index + 6) {
                    offset = (oh * 60 + om) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                    index = bytes.count
                } else {
                    return nil
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds - offset) + fraction)
    }
}
