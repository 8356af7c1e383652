import Foundation
import Replica
import Synchronization
import Vocabulary

/// Printing of command results: JSON for scripts, aligned tables for people;
/// and of what is said on the side, on standard error: notes, warnings and
/// progress, which `-q/--quiet` (``GlobalOptions/quiet``) silences. Results and
/// errors are printed whatever it says.
enum Output {
    /// Whether `-q/--quiet` was given: set once, while the command line is parsed.
    private static let quietFlag = Atomic<Bool>(false)

    /// Whether notes, warnings and progress are left unsaid (`-q/--quiet`).
    static var isQuiet: Bool { quietFlag.load(ordering: .relaxed) }

    /// Leaves notes, warnings and progress unsaid from now on (`-q/--quiet`).
    static func silence() {
        quietFlag.store(true, ordering: .relaxed)
    }

    /// Prints `value`, an object, as JSON (the `--json` convention: see the README's "JSON for scripts").
    static func json<T: Encodable>(_ value: T) throws {
        print(try jsonText(value))
    }

    /// `value` as `--json` prints it: pretty, keys sorted.
    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = jsonEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Prints a list as `{"KEY": [...]}`: under `--json` the top level is always an object, the list named for what it holds.
    static func json<T: Encodable>(_ key: String, _ items: [T]) throws {
        try json([key: items])
    }

    /// The encoder of `--json` output: dates as UTC ISO 8601 times.
    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(date))
        }
        return encoder
    }

    /// Prints a message for people, its control characters escaped (see ``VisibleText``).
    static func line(_ text: String) {
        print(VisibleText.escaped(text, keepingLineBreaks: true))
    }

    /// Prints an informational message for people on standard error (stdout
    /// stays the command's output), control characters escaped; nothing when quiet.
    static func info(_ text: String) {
        side(text)
    }

    /// Prints `note: TEXT` (`bemærk: TEXT`) on standard error, control characters escaped; nothing when quiet.
    static func note(_ text: String) {
        side(Speech.say("bemærk: ", "note: ") + text)
    }

    /// Prints `warning: TEXT` (`advarsel: TEXT`) on standard error (stdout stays the command's output), control characters escaped;
    /// nothing when quiet (a warning is not an error: the command did what was asked).
    static func warning(_ text: String) {
        side(Speech.say("advarsel: ", "warning: ") + text)
    }

    /// Writes `text` as it is on standard error (a progress line, with its own
    /// `\r` or line break); nothing when quiet.
    static func progress(_ text: String) {
        guard !isQuiet else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A line on standard error, control characters escaped, unless quiet.
    private static func side(_ text: String) {
        guard !isQuiet else { return }
        FileHandle.standardError.write(Data("\(VisibleText.escaped(text, keepingLineBreaks: true))\n".utf8))
    }

    /// Prints rows under a header, columns separated by two spaces; numeric
    /// columns (`rightAligned`) are aligned right. Control characters in
    /// cells are escaped (see ``VisibleText``). With a `width` (see
    /// ``TableOptions``), the columns that may be `cut` (by default the
    /// free-text ones: left-aligned, not dates, with a space or longer than 24)
    /// give up characters, the widest first, a cut cell ending in `…`, until the
    /// table fits; never below their header or 10 characters.
    /// `columns` picks the columns shown, by index (every one when nil); `rightAligned` and `cut` count every column.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = [], cut: Set<Int>? = nil, columns: [Int]? = nil,
                      fit width: Int?) {
        if let columns {
            let kept = { (indices: Set<Int>) in Set(columns.indices.filter { indices.contains(columns[$0]) }) }
            return table(columns.map { header[$0] }, rows.map { row in columns.map { row[$0] } }, rightAligned: kept(rightAligned),
                         cut: cut.map(kept), fit: width)
        }
        let rows = rows.map { $0.map { VisibleText.escaped($0) } }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        if let width {
            let cut = cut ?? Set(header.indices.filter { column in !rightAligned.contains(column) && isFreeText(rows.map { $0[column] }) })
            widths = fitted(widths, header: header, cut: cut, into: width)
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let cell = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        print(line(header))
        rows.forEach { print(line($0)) }
    }

    /// Whether a column's cells are free text a table may cut: some has a space
    /// or is longer than 24 characters, and they are not dates or times.
    static func isFreeText(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.isEmpty && $0 != "-" && $0 != "never" }
        let dates = filled.allSatisfy { $0.count >= 10 && $0.prefix(4).allSatisfy(\.isNumber) && $0.dropFirst(4).first == "-" }
        return !dates && filled.contains { $0.contains(" ") || $0.count > 24 }
    }

    /// `widths` narrowed, the widest of the `cut` columns first, until the columns and their separators fit in `width`.
    static func fitted(_ widths: [Int], header: [String], cut: Set<Int>, into width: Int) -> [Int] {
        var widths = widths
        let floor = header.map { max($0.count, 10) }
        while widths.reduce(2 * (widths.count - 1), +) > width {
            let shrinkable = cut.filter { widths[$0] > floor[$0] }
            guard let widest = shrinkable.max(by: { (widths[$0], $1) < (widths[$1], $0) }) else { break }
            widths[widest] -= 1
        }
        return widths
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
