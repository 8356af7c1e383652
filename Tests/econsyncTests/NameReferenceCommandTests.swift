import Foundation
import Testing

/// Records named by their name on the command line (`--unit stk.`,
/// `--employee 'Karina Jørgensen'`), through the real binary against the
/// emulator's demo agreement (units stk., timer, km; eight employees).
@Suite("econsync names records by their name")
struct NameReferenceCommandTests {
    /// The local id of the record of `command` (`unit`, `employee`) called `name`, from `local … list --json`.
    static func id(_ connected: ConnectedCLI, _ command: String, named name: String) async throws -> Int {
        let listed = try await connected.expect(["local", command, "list", "--json"])
        let records = try #require((try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])?[command + "s"] as? [[String: Any]])
        return try #require(records.first { $0["name"] as? String == name }?["id"] as? Int, "\(name) in \(listed)")
    }

    static func materials(_ connected: ConnectedCLI) async throws -> Int {
        let listed = try await connected.expect(["local", "materials", "list", "--json"])
        return try #require((try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])?["materials"] as? [Any]).count
    }

    @Test("unit, product, project and employee by name, any case; the unit list names them")
    func byName() async throws {
        try await ConnectedCLI.with { connected in
            let units = try await connected.run(["local", "unit", "list"])
            #expect(units.status == 0 && units.stdout.hasPrefix("ID  E-CONOMIC  NAME   STATE"), "\(units.stdout)")
            #expect(units.stdout.contains("stk.") && units.stdout.contains("timer") && units.stdout.contains("km"))
            let stk = try await Self.id(connected, "unit", named: "stk.")
            let km = try await Self.id(connected, "unit", named: "km")
            let karina = try await Self.id(connected, "employee", named: "Karina Jørgensen")

            let recorded = try await connected.run([
                "local", "materials", "record", "--product", "kobberrør 15 MM", "--project", "Tagudskiftning, Søndergade 86",
                "--quantity", "2", "--unit", "STK.", "--employee", "KARINA JØRGENSEN", "--json"])
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let material = try #require(try JSONSerialization.jsonObject(with: Data(recorded.stdout.utf8)) as? [String: Any])
            #expect(material["unitId"] as? Int == stk && material["employeeId"] as? Int == karina, "\(recorded.stdout)")

            let edited = try await connected.run(["local", "materials", "edit", "\(material["id"] as! Int)", "--unit", "km", "--json"])
            #expect(edited.status == 0 && edited.stdout.contains(#""unitId" : \#(km)"#), "\(edited.stdout)\(edited.stderr)")
        }
    }

    @Test("a name two records have is a usage error listing both (exit 2, nothing written); an unknown or partial name is not found")
    func ambiguousAndUnknown() async throws {
        try await ConnectedCLI.with { connected in
            let karina = try await Self.id(connected, "employee", named: "Karina Jørgensen")
            let twin = try await connected.run(["local", "employee", "add", "--name", "karina jørgensen", "--json"])
            #expect(twin.status == 0, "\(twin.stderr)")
            let twinID = try #require((try JSONSerialization.jsonObject(with: Data(twin.stdout.utf8)) as? [String: Any])?["id"] as? Int)
            let before = try await Self.materials(connected)
            let material = ["local", "materials", "record", "--product", "n:10001", "--project", "n:1", "--quantity", "1"]

            let ambiguous = try await connected.run(material + ["--employee", "Karina Jørgensen"])
            #expect(ambiguous.status == 2, "\(ambiguous.stderr)")
            #expect(ambiguous.stderr.contains(#"employee: "Karina Jørgensen" names 2 records: \#(karina) (Karina Jørgensen), \#(twinID) (karina jørgensen)"#),
                    "\(ambiguous.stderr)")
            #expect(try await Self.materials(connected) == before, "nothing written")

            let json = try await connected.run(material + ["--employee", "Karina Jørgensen", "--json"])
            #expect(json.status == 2 && json.stdout.contains(#""code" : "replica.ambiguous-reference""#), "\(json.stdout)")

            // Ambiguous, yet a local id still names one of them.
            #expect(try await connected.run(material + ["--employee", "\(twinID)"]).status == 0)

            let partial = try await connected.run(material + ["--employee", "Karina"])
            #expect(partial.status == 1 && partial.stderr.contains(#"no live employee is called "Karina""#), "\(partial.stderr)")
            let unknownUnit = try await connected.run(material + ["--unit", "stykker"])
            #expect(unknownUnit.status == 1 && unknownUnit.stderr.contains(#"no live unit is called "stykker""#), "\(unknownUnit.stderr)")
            #expect(try await Self.materials(connected) == before + 1)
        }
    }
}
