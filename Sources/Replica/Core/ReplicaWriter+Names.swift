internal import GRDB
import Vocabulary

extension ReplicaWriter {
    /// The local id of the one live record of `kind` called `name` (exact but
    /// for case): the writer's department's, or, only when it has none, any
    /// department's. Several such records are an ``ErrorCode/ambiguousReference``
    /// error that lists them; none is a ``ErrorCode/missingReference``.
    ///
    /// ```swift
    /// try writer.resolve(name: "STK.", as: .unit)   // the id of unit "stk."
    /// ```
    func resolve(name: String, as kind: Kind) throws -> Int64 {
        guard let column = kind.nameColumn else {
            throw ReplicaError(.missingReference, .noName(kind), kind: kind)
        }
        let wanted = name.lowercased()
        var named: [(id: Int64, name: String, department: Int)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, \(column), ifnull(department, -1) FROM \(kind.table) WHERE tombstone = 0 ORDER BY id")
        while let row = try rows.next() {
            let text: String = row[1] ?? ""
            if text.lowercased() == wanted { named.append((row[0], text, row[2])) }
        }
        let own = named.filter { $0.department == (department ?? -1) }
        let found = own.isEmpty ? named : own
        guard let first = found.first else {
            throw ReplicaError(.missingReference, .noneCalled(kind, name), kind: kind)
        }
        guard found.count == 1 else {
            throw ReplicaError(.ambiguousReference, .ambiguousName(name, found.map { "\($0.id) (\($0.name))" }), kind: kind)
        }
        return first.id
    }
}
