import EconomicEmulator
import Foundation
import Snapshot
import Testing

/// Issue 11 end to end: an agreement as real ones are (odd CVRs, e-mail
/// lists, negative prices, product numbers paths must escape, fields econsync
/// does not model) set up, synced, reconciled and edited through the binary.
@Suite("The messy agreement")
struct MessyAgreementTests {
    static var messy: String { Golden.repository.appendingPathComponent("Snapshots/messy-agreement.ndjson.gz").path }

    @Test("the checked-in messy agreement is exactly what `snapshot demo --messy` writes")
    func reproducible() throws {
        let cli = try CLI()
        let out = cli.outside.appendingPathComponent("messy.ndjson.gz").path
        let result = try cli.run(["snapshot", "demo", "--messy", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: Self.messy)))
    }

    static func count(_ json: String, _ key: String) throws -> Int {
        try NothingLostTests.items(json, key).count
    }

    @Test("a first reconcile takes every record straight from the snapshot, as a first sync does; a second plan is empty")
    func firstReconcile() async throws {
        try await ConnectedCLI.with(pulled: false, seed: Self.messy) { connected in
            try await connected.expect(["setup", "--non-interactive", "--set", "activatedAt=2000-01-01T00:00:00Z"])
            let output = try await connected.expect(["reconcile"])
            let first = try #require(output.split(separator: "\n").first { $0.hasPrefix("first pull, written straight from the snapshot") })
            #expect(first.contains("2000 customer") && first.contains("300 product") && output.contains(", 0 failed"), "\(output)")
            let customers = try NothingLostTests.items(try await connected.expect(["local", "customer", "list", "--json"]), "customers")
            #expect(customers.count == 2000 && customers.contains { $0["cvr"]?.stringValue == "Test" }
                    && customers.contains { $0["email"]?.stringValue?.contains(";") == true })
            #expect(try Self.count(try await connected.expect(["local", "product", "list", "--json"]), "products") == 300)
            let again = try await connected.expect(["reconcile", "--dry-run"])
            #expect(again == "plan: nothing to do\n", "\(again)")
        }
    }

    @Test("setup and sync take every record (every module done, none failed); a second plan is empty; the audit finds nothing")
    func everyRecordTaken() async throws {
        try await ConnectedCLI.with(pulled: false, seed: Self.messy) { connected in
            try await connected.expect(["setup", "--non-interactive", "--set", "activatedAt=2000-01-01T00:00:00Z"])
            let sync = try await connected.expect(["sync"])
            let lines = sync.split(separator: "\n").filter { $0.contains(": ") && !$0.hasPrefix(" ") }
            #expect(lines.count == 6 && lines.allSatisfy { $0.contains(": done") }, "\(sync)")
            #expect(sync.contains("customers: done (full): 2011 pulled") && sync.contains("products: done (full): 303 pulled"), "\(sync)")
            #expect(try Self.count(try await connected.expect(["local", "customer", "list", "--json"]), "customers") == 2000)
            #expect(try Self.count(try await connected.expect(["local", "product", "list", "--json"]), "products") == 300)
            let customers = try NothingLostTests.items(try await connected.expect(["local", "customer", "list", "--json"]), "customers")
            // Pulled as e-conomic holds them: spaces, placeholders and foreign VAT numbers kept.
            #expect(customers.contains { $0["cvr"]?.stringValue == "Test" } && customers.contains { $0["cvr"]?.stringValue == "" })
            #expect(customers.contains { $0["name"]?.stringValue?.hasPrefix(" ") == true && $0["name"]?.stringValue?.hasSuffix("  ") == true })
            #expect(customers.contains { $0["email"]?.stringValue?.contains(";") == true })
            // A sync leaves a reconcile nothing: layouts, reference data, came with the units module, not as the orders module's work.
            let again = try await connected.expect(["reconcile", "--dry-run"])
            #expect(again == "plan: nothing to do\n", "\(again)")
            let audit = try await connected.expect(["audit"])
            #expect(audit.contains("no discrepancies") && audit.contains("946 warnings: values e-conomic holds"), "\(audit.prefix(2000))")
            #expect(audit.contains(#"CVR "Test" is not a Danish CVR number"#) && !audit.contains(#"CVR "SE5566"#))
            let danish = try await connected.expect(["audit", "--lang", "da"])
            #expect(danish.contains("ingen afvigelser") && danish.contains("946 advarsler: værdier, e-conomic har")
                    && danish.contains(#"CVR "Test" er ikke et dansk CVR-nummer"#) && danish.contains("rummer mere end én adresse")
                    && !danish.contains("is not a Danish") && !danish.contains("customer "), "\(danish.prefix(2000))")
            let status = try await connected.expect(["status"])
            #expect(status.contains("warning: 500 customers with a CVR that is not a Danish CVR number"), "\(status)")
            #expect(status.contains("warning: 446 customers with several addresses in the e-mail field"), "\(status)")
        }
    }

    @Test("odd product numbers are addressed with e-conomic's escaping: an edit pushes exactly that product, every other field kept")
    func oddProductNumbers() async throws {
        try await ConnectedCLI.with(pulled: false, seed: Self.messy) { connected in
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            let before = connected.emulator.records(kind: "product")
            for number in ["VVS 15-0", "K:2/22", "PANT.3%", "#4+A", "RØR_22_1"] {
                try await connected.expect(["local", "product", "edit", "n:\(number)", "--name", "Omdøbt \(number)"])
            }
            let applied = try await connected.expect(["sync", "products", "--force"])
            #expect(applied.contains(" 5 pushed, "), "\(applied)")
            let after = connected.emulator.records(kind: "product")
            #expect(after.count == before.count, "no product was created by a wrong address")
            for record in after {
                let old = try #require(before.first { $0.key == record.key })
                var expected = old.data
                let number = record.key.description
                if ["VVS 15-0", "K:2/22", "PANT.3%", "#4+A", "RØR_22_1"].contains(number) { expected["name"] = .string("Omdøbt \(number)") }
                expected["lastUpdated"] = record.data["lastUpdated"]
                #expect(record.data == expected, "\(number)")
            }
            let kept = try #require(after.first { $0.key == .string("VVS 15-0") })
            #expect(kept.data["barCode"] != nil && kept.data["description"] != nil)
            let quiet = try await connected.expect(["reconcile", "--dry-run", "--module", "products"])
            #expect(quiet.hasPrefix("plan: nothing to do"), "\(quiet)")
        }
    }
}

extension MessyAgreementTests {
    @Test("a NUL inside a name e-conomic holds is kept whole: listed whole, a full compare after the sync plans nothing, an edit of another field pushes no cut name")
    func textWithNUL() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let customer = "Sørensen\u{0} VVS A/S", product = "PEX-rør\u{0}16 mm"
            connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string(customer) }
            connected.emulator.edit(kind: "product", key: .string("10002")) { $0?["name"] = .string(product) }
            // Products from Mobilplan: a name read cut at the NUL would be pushed over e-conomic's.
            try await connected.expect(["setup", "--non-interactive", "--set", "products.master=mobilplan"])
            try await connected.expect(["sync"])
            let full = try await connected.expect(["reconcile", "--full", "--dry-run"])
            #expect(full == "plan: nothing to do\n", "\(full)")
            // Listed whole: the table shows the NUL escaped (the name then cut to the table's width), JSON holds it.
            let table = try await connected.expect(["local", "customer", "list"])
            #expect(table.contains("Sørensen\\u{0}"), "\(table)")
            let customers = try NothingLostTests.items(try await connected.expect(["local", "customer", "list", "--json"]), "customers")
            #expect(customers.contains { $0["name"]?.stringValue == customer })
            let products = try NothingLostTests.items(try await connected.expect(["local", "product", "list", "--json"]), "products")
            #expect(products.contains { $0["name"]?.stringValue == product })
            let edited = try await connected.expect(["local", "product", "edit", "e:10002", "--sales-price", "77"])
            #expect(edited.contains("PEX-rør\\u{0}16 mm"), "\(edited)")
            try await connected.expect(["reconcile", "--full", "--force"])
            #expect(connected.emulator.records(kind: "customer").first { $0.key == .int(1001) }?.data["name"] == .string(customer))
            let pushed = connected.emulator.records(kind: "product").first { $0.key == .string("10002") }?.data
            #expect(pushed?["name"] == .string(product) && pushed?["salesPrice"]?.doubleValue == 77)
        }
    }
}
