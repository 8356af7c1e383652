import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (a panel form's POST).
///
/// ```swift
/// FormBody("csrf=ab12&force=1")["force"]   // "1"
/// ```
struct FormBody {
    private var fields: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { Self.decode(String($0)) }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
    }

    subscript(name: String) -> String? { fields[name] }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }
}
