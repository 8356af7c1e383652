import Foundation
internal import GRDB
import Synchronization

/// The Swift key a replica column stands for (`synced_hash` is `syncedHash`),
/// converted once per column name and remembered. GRDB's own
/// `.convertFromSnakeCase` converts every column of every row it reads,
/// which made reading 50,000 products spend most of its time splitting and
/// joining column names.
///
/// ```swift
/// static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { ColumnNames.decoding }
/// ```
enum ColumnNames {
    /// Snake case to camel case, as `.convertFromSnakeCase` does it, remembered per column.
    static let decoding = DatabaseColumnDecodingStrategy.custom { column in Key(stringValue: camelCase(column)) }

    private static let known = Mutex<[String: String]>([:])

    static func camelCase(_ column: String) -> String {
        if let key = known.withLock({ $0[column] }) { return key }
        let key = convert(column)
        known.withLock { $0[column] = key }
        return key
    }

    /// Foundation's snake-case conversion (which GRDB copies): a name
    /// without inner underscores is left as it is; otherwise the first word
    /// is lowercased and the others capitalized; leading and trailing
    /// underscores are kept.
    static func convert(_ column: String) -> String {
        guard let first = column.firstIndex(where: { $0 != "_" }) else { return column }
        let last = column.lastIndex(where: { $0 != "_" })!
        let words = column[first...last].split(separator: "_")
        guard words.count > 1 else { return column }
        let joined = ([words[0].lowercased()] + words.dropFirst().map(\.capitalized)).joined()
        return String(column[..<first]) + joined + String(column[column.index(after: last)...])
    }

    /// A coding key that is just its name.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
