import Reconcile
import Snapshot
import Testing
import Vocabulary

@Suite("Employee matching: number, then e-mail, then exact name; ambiguous blocks")
struct EmployeeLinkTests {
    static func employee(_ number: Int64?, _ name: String, email: String? = nil) -> [String: JSONValue] {
        var data: [String: JSONValue] = ["name": .string(name)]
        if let number { data["number"] = .int(number) }
        if let email { data["email"] = .string(email) }
        return data
    }

    static func remote(_ number: Int64, _ name: String, email: String? = nil) -> Record {
        Record(kind: "employee", key: .int(number), data: employee(number, name, email: email))
    }

    static func local(_ id: Int64, _ number: Int64?, _ name: String, email: String? = nil) -> LocalRecord {
        LocalRecord(record: Record(kind: "employee", key: .string("local:\(id)"), data: employee(number, name, email: email)), localID: id)
    }

    static let diff = ThreeWayDiff(mapping: Kind.employee.mapping!)

    @Test("each replica employee links to the one e-conomic employee it matches first; none is duplicated")
    func links() {
        let remote = [Self.remote(1, "Jens Hansen", email: "jens@firma.dk"), Self.remote(2, "Mette Nielsen", email: "mette@firma.dk"),
                      Self.remote(3, "Jens Hansen"), Self.remote(6, "Ny Svend")]
        let local = [Self.local(10, 1, "J. Hansen"), Self.local(11, nil, "Mette N.", email: "METTE@Firma.dk"), Self.local(12, nil, "Jens Hansen")]
        let ops = Self.diff.operations(base: [], remote: remote, local: local)
        let links = Dictionary(uniqueKeysWithValues: ops.filter { $0.link != nil }.map { ($0.key, $0.link!) })
        #expect(links == ["local:10": "1", "local:11": "2", "local:12": "3"])
        #expect(ops.first { $0.key == "local:10" }?.reason.contains("by number") == true)
        #expect(ops.first { $0.key == "local:11" }?.reason.contains("by email") == true)
        #expect(ops.first { $0.key == "local:12" }?.reason.contains("by name") == true)
        #expect(ops.filter { $0.action == .pullInsert }.map(\.key) == ["6"])
    }

    @Test("a name shared by two e-conomic employees blocks the replica employee and holds both back")
    func ambiguous() {
        let remote = [Self.remote(4, "Ole Berg"), Self.remote(5, "Ole Berg"), Self.remote(7, "Kim Lund")]
        let local = [Self.local(20, nil, "Ole Berg"), Self.local(21, nil, "Kim Lund"), Self.local(22, nil, "Kim Lund")]
        let ops = Self.diff.operations(base: [], remote: remote, local: local)
        let ole = ops.first { $0.key == "local:20" }
        #expect(ole?.action == .block && ole?.reason.contains("several e-conomic employees by name (4 (Ole Berg), 5 (Ole Berg))") == true)
        #expect(ops.filter { ["4", "5"].contains($0.key) }.allSatisfy { $0.action == .skip && $0.reason.hasPrefix("held back") })
        let kim = ops.filter { ["local:21", "local:22"].contains($0.key) }
        #expect(kim.count == 2 && kim.allSatisfy { $0.action == .block && $0.reason.contains("that other replica records match too") })
        #expect(!ops.contains { $0.link != nil || $0.action == .pullInsert })
    }

    @Test("with employee sync off, nothing of the kind is pulled or linked")
    func off() {
        var diff = Self.diff
        diff.off = .employees
        let ops = diff.operations(base: [], remote: [Self.remote(1, "Jens Hansen")], local: [Self.local(10, 1, "Jens Hansen")])
        #expect(!ops.isEmpty && ops.allSatisfy { $0.action == .skip && $0.reason == "employee sync is off (projects.syncEmployees)" })
    }
}
