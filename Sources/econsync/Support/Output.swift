import Foundation
import Replica

/// Printing of command results: JSON for scripts, aligned tables for people.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(date))
        }
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints a message for people, its control characters escaped (see ``TerminalText``).
    static func line(_ text: String) {
        print(TerminalText.safe(text, keepingLineBreaks: true))
    }

    /// Prints `warning: TEXT` on standard error (stdout stays the command's output), control characters escaped.
    static func warning(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(TerminalText.safe(text, keepingLineBreaks: true))\n".utf8))
    }

    /// Prints rows under a header, columns separated by two spaces; numeric
    /// columns (`rightAligned`) are aligned right. Control characters in
    /// cells are escaped (see ``TerminalText``).
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
        let rows = rows.map { $0.map { TerminalText.safe($0) } }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        print(line(header))
        rows.forEach { print(line($0)) }
    }

    /// A money amount or quantity with two decimals, empty when absent.
    static func amount(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? ""
    }

    /// `1 record`, `2 records`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
    }
}
