import Snapshot

/// A snapshot's records for people, a table per kind: the key, the name
/// (for kinds whose records have one) and every other field as
/// `field=value` (a reference as its number: `customerGroup=1`; deeper
/// values as `field.inner=value`). Records come kind by kind, as snapshots
/// hold them, and each kind's table is printed when the next kind starts.
///
/// ```swift
/// var table = RecordTable(width: 80)
/// for record in records { table.add(record) }
/// table.finish()
/// // customer: 1 record
/// // KEY   NAME              FIELDS
/// // 1001  Sørensen VVS A/S  address=Bredgade 57, balance=65307.2, city=Kolding, …
/// ```
struct RecordTable {
    /// The width each table fits; nil prints every cell whole (`--wide`).
    let width: Int?
    private var kind: String?
    private var records: [Record] = []
    /// Whether a table was printed (the next is set apart by a blank line).
    private var printed = false

    init(width: Int?) {
        self.width = width
    }

    mutating func add(_ record: Record) {
        if record.kind != kind { finish() }
        kind = record.kind
        records.append(record)
    }

    /// Prints the table of the kind read last.
    mutating func finish() {
        guard let kind, !records.isEmpty else { return }
        if printed { print() }
        print("\(kind): \(SnapshotCommand.records(records.count))")
        let named = records.contains { $0.data["name"]?.stringValue != nil }
        let rows = records.map { record in
            [record.key.description] + (named ? [record.data["name"]?.stringValue ?? ""] : []) + [Self.fields(record.data, leaving: named ? ["name"] : [])]
        }
        let header = [Speech.say("NØGLE", "KEY")] + (named ? [Speech.say("NAVN", "NAME")] : []) + [Speech.say("FELTER", "FIELDS")]
        Output.table(header, rows, cut: Set(1..<header.count), fit: width)
        records = []
        printed = true
    }

    /// The fields but those `left` out, by name, as `field=value` (nulls left out).
    static func fields(_ data: [String: JSONValue], leaving left: Set<String> = []) -> String {
        data.keys.filter { !left.contains($0) }.sorted().flatMap { pairs($0, data[$0]!) }.joined(separator: ", ")
    }

    /// `name=value` for a plain value or a reference to one record (an object of one field); `name.field=value` for each field deeper.
    static func pairs(_ name: String, _ value: JSONValue) -> [String] {
        switch value {
        case .null: []
        case .bool(let flag): ["\(name)=\(flag)"]
        case .number(let text), .string(let text): ["\(name)=\(text)"]
        case .array: ["\(name)=\(value.description)"]
        case .object(let fields):
            fields.count == 1 && fields.values.first.map(isPlain) == true
                ? pairs(name, fields.values.first!)
                : fields.keys.sorted().flatMap { pairs(name + "." + $0, fields[$0]!) }
        }
    }

    static func isPlain(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }
}
