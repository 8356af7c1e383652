import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (a panel form's POST).
///
/// ```swift
/// FormBody("csrf=ab12&force=1")["force"]          // "1"
/// FormBody("entry=12&entry=m%3A3").all("entry")   // ["12", "m:3"]
/// ```
struct FormBody {
    private var fields: [(name: String, value: String)] = []

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { Self.decode(String($0)) }
            if let name = parts.first { fields.append((name, parts.count > 1 ? parts[1] : "")) }
        }
    }

    /// The last value of field `name`.
    subscript(name: String) -> String? { fields.last { $0.name == name }?.value }

    /// Every value of field `name`, in order (a group of checkboxes).
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }
}
