import Vocabulary
import Foundation
internal import GRDB

/// Bulk import of Mobilplan-side records from NDJSON, in one transaction:
/// every line is imported, or none is.
///
/// Each line is `{"kind": K, "ref": ALIAS?, "data": {FIELDS}}`. Field names
/// are those of the record type (`name`, `cvr`, `hours`, …); a reference is
/// written without its `Id` suffix and takes a ``RecordRef`` (`"customer": "@hansen"`,
/// `"hourType": "e:3"`, `"project": 12`). A project may list `"employees"`.
///
/// ```
/// {"kind":"customer","ref":"hansen","data":{"name":"Hansen VVS ApS","cvr":"13748136"}}
/// {"kind":"project","ref":"p1","data":{"name":"Badeværelse","customer":"@hansen"}}
/// ```
struct ReplicaImporter {
    let writer: ReplicaWriter
    let file: String
    private(set) var aliases: [String: (Kind, Int64)] = [:]
    private(set) var counts: [Kind: Int] = [:]
    private var fieldsByKind: [Kind: Set<String>] = [:]

    init(writer: ReplicaWriter, file: String) {
        self.writer = writer
        self.file = file
    }

    mutating func importLine(_ text: Substring, number: Int) throws {
        do {
            try importLine(text)
        } catch let error as ReplicaError {
            throw error.at(file: file, line: number)
        }
    }

    private mutating func importLine(_ text: Substring) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let line = object as? [String: Any] else {
            throw ReplicaError(.badImport, .lineNotObject)
        }
        if let extra = line.keys.first(where: { !["kind", "ref", "data"].contains($0) }) {
            throw ReplicaError(.badImport, .unknownLineKey(extra))
        }
        guard let kindName = line["kind"] as? String else {
            throw ReplicaError(.badImport, .kindMissing)
        }
        guard let kind = Kind(rawValue: kindName) else {
            throw ReplicaError(.badImport, .unknownKind(kindName))
        }
        guard let data = line["data"] as? [String: Any] else {
            throw ReplicaError(.badImport, .dataNotObject, kind: kind)
        }
        var alias: String?
        if let ref = line["ref"] {
            guard let name = ref as? String, !name.isEmpty else {
                throw ReplicaError(.badImport, .refNotText, kind: kind)
            }
            if aliases[name] != nil {
                throw ReplicaError(.badImport, .refTaken(name), kind: kind)
            }
            alias = name
        }
        let id = try importRecord(kind.recordType, kind: kind, data: data)
        if let alias { aliases[alias] = (kind, id) }
        counts[kind, default: 0] += 1
    }

    private mutating func importRecord<R: ReplicaRecord>(_ type: R.Type, kind: Kind, data: [String: Any]) throws -> Int64 {
        var fields = data.filter { !($0.value is NSNull) }
        var employees: [Int64]?
        if kind == .project, let list = fields.removeValue(forKey: "employees") {
            guard let refs = list as? [Any] else {
                throw ReplicaError(.badImport, .employeesNotList, kind: kind, field: "employees")
            }
            employees = try refs.map { try resolve($0, Reference("employee_id", .employee), kind: kind) }
        }
        let known = try knownFields(kind)
        for key in fields.keys.sorted() where !known.contains(key) {
            throw ReplicaError(.badImport, .unknownField(kind, known.sorted()),
                               kind: kind, field: key)
        }
        for reference in kind.references {
            if let value = fields.removeValue(forKey: reference.field) {
                fields[snakeToCamel(reference.column)] = try resolve(value, reference, kind: kind)
            }
        }
        for (key, value) in [("barred", false), ("closed", false)] as [(String, Any)] + [("currency", "DKK"), ("tombstone", false)]
        where fields[key] == nil && (known.contains(key) || key == "tombstone") {
            fields[key] = value
        }
        var record: R
        do {
            let json = try JSONSerialization.data(withJSONObject: fields)
            record = try JSONDecoder().decode(R.self, from: json)
            record.department = writer.department
        } catch let error as DecodingError {
            throw Self.describe(error, kind: kind)
        }
        let created = try writer.create(record)
        guard let id = created.id else { preconditionFailure("insert sets the id") }
        if let employees {
            try writer.setEmployees(ofProject: id, to: employees)
        }
        return id
    }

    private func resolve(_ value: Any, _ reference: Reference, kind: Kind) throws -> Int64 {
        let text: String
        if let number = value as? NSNumber, String(cString: number.objCType) != "c" {
            text = number.stringValue
        } else if let string = value as? String {
            text = string
        } else {
            throw ReplicaError(.badImport, .referenceNotText, kind: kind, field: reference.field)
        }
        guard let ref = RecordRef(text) else {
            throw ReplicaError(.badImport, .notReference(text), kind: kind, field: reference.field)
        }
        do {
            return try writer.resolve(ref, as: reference.target, aliases: aliases)
        } catch var error as ReplicaError {
            error.kind = kind
            error.field = reference.field
            throw error
        }
    }

    /// The field names an import line may give for `kind`: its columns in camel
    /// case, with references under their short names, without bookkeeping columns.
    private mutating func knownFields(_ kind: Kind) throws -> Set<String> {
        if let known = fieldsByKind[kind] { return known }
        let referenceColumns = Dictionary(uniqueKeysWithValues: kind.references.map { ($0.column, $0.field) })
        let columns = try writer.db.columns(in: kind.table).map(\.name)
        let known = Set(columns.filter { !["id", "synced_hash", "tombstone"].contains($0) }.map { referenceColumns[$0] ?? snakeToCamel($0) })
        fieldsByKind[kind] = known
        return known
    }

    /// The lines of an NDJSON text, ended by LF or CRLF (a CR before the LF
    /// is not part of the line; as a Swift `Character`, CRLF is not a "\n").
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = text[bytes.startIndex..<bytes.endIndex]
            return line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    private static func describe(_ error: DecodingError, kind: Kind) -> ReplicaError {
        func field(_ path: [any CodingKey]) -> String? { path.last?.stringValue }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return ReplicaError(.badImport, .wrongType(valueType(type)), kind: kind, field: field(context.codingPath))
        case .keyNotFound(let key, _):
            return ReplicaError(.badImport, .required, kind: kind, field: key.stringValue)
        case .dataCorrupted(let context):
            return ReplicaError(.badImport, .notValid(context.debugDescription), kind: kind, field: field(context.codingPath))
        @unknown default:
            return ReplicaError(.badImport, .notValid("\(error)"), kind: kind)
        }
    }

    private static func valueType(_ type: Any.Type) -> ReplicaProblem.ValueType {
        switch type {
        case is String.Type, is String?.Type: .text
        case is Bool.Type, is Bool?.Type: .truth
        case is Double.Type, is Double?.Type: .number
        default: .wholeNumber
        }
    }
}

/// What a bulk import wrote.
public struct ImportSummary: Codable, Equatable, Sendable {
    /// Records created, per kind.
    public var created: [String: Int]
    /// Lines read (blank lines included).
    public var lines: Int
}

extension ReplicaStore {
    /// Imports the NDJSON file at `url` in one transaction (see the file format
    /// on ``ReplicaImporter``). Throws a ``ReplicaError`` naming the file and the
    /// failing line; then nothing was written.
    public func importRecords(from url: URL) throws -> ImportSummary {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReplicaError(.badImport, .unreadable(FileProblem(error, path: url.path)?.reason ?? .system("\(error)")), file: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReplicaError(.badImport, .notUTF8, file: url.path)
        }
        let lines = ReplicaImporter.lines(of: text)
        return try write { writer in
            var importer = ReplicaImporter(writer: writer, file: url.path)
            for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                try importer.importLine(line, number: index + 1)
            }
            let created = Dictionary(uniqueKeysWithValues: importer.counts.map { ($0.key.rawValue, $0.value) })
            return ImportSummary(created: created, lines: lines.last?.isEmpty == true ? lines.count - 1 : lines.count)
        }
    }
}
