import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// `econsync order export` end to end: the real binary against the emulator.
@Suite("econsync order export")
struct OrderExportCommandTests {
    static let approved = #""approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand""#

    /// Field work on project 2: a product e-conomic lacks, approved and unapproved hours of two employees, two materials.
    static func fieldWork(_ connected: ConnectedCLI) async throws {
        try await connected.importLines([
            #"{"kind":"product","ref":"kr","data":{"number":"KR-22","name":"Kobberrør 22 mm","salesPrice":64.5,"unit":"e:1","productGroup":"e:3"}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:3","project":"e:2","hourType":"e:1","date":"2026-11-27","hours":7.5,"note":"Montage af radiatorer",\#(approved)}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:3","project":"e:2","hourType":"e:1","date":"2026-11-28","hours":2,"note":"Afslutning",\#(approved)}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:4","project":"e:2","hourType":"e:2","date":"2026-11-28","hours":3,\#(approved)}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:4","project":"e:2","hourType":"e:2","date":"2026-11-28","hours":1}}"#,
            #"{"kind":"material","data":{"product":"@kr","project":"e:2","date":"2026-11-27","quantity":12,\#(approved)}}"#,
            #"{"kind":"material","data":{"product":"n:10002","project":"e:2","date":"2026-11-28","quantity":3,"note":"Ekstra",\#(approved)}}"#,
        ])
        try await connected.expect(["config", "set", "orders.hoursProduct", "10018"])
    }

    @Test("dry run, export with grouping and templates, export again (golden); the draft order has exactly the expected lines and totals")
    func exportGolden() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            try await connected.expect(["config", "set", "orders.hoursText", "$regnavn $dato: $navn ($antal $enhed) $tekst"])
            let before = connected.emulator.records(kind: "order").count
            let transcript = try await ConnectedCLI.offPool { [cli = connected.cli] in
                try cli.transcript([
                    ["order", "export", "--project", "e:2", "--dry-run"],
                    ["order", "export", "--project", "e:2", "--group", "type-employee"],
                    ["order", "export", "--project", "e:2"],
                    ["order", "list"],
                    ["local", "hours", "list"],
                ])
            }
            try Golden.check(transcript, against: "order-export.txt")
            // A request that cannot be is a usage error of the command: no failed orders run, no notification.
            let again = try await connected.run(["order", "export", "--project", "e:2", "--entries", "1"])
            #expect(again.status == 2 && again.stderr.contains("time entry 1 is exported already"), "\(again.stderr)")
            let log = try CanonicalJSON.parse(Array(try await connected.expect(["log", "--module", "orders", "--json"]).utf8))
            guard case .array(let runs)? = log["runs"], case .array(let notes)? = log["notifications"] else { throw ConnectedCLI.Failure(description: "\(log)") }
            #expect(runs.map { $0["outcome"]?.stringValue } == ["succeeded"] && notes.isEmpty, "\(log)")
            let orders = connected.emulator.records(kind: "order")
            #expect(orders.count == before + 1)
            let order = try #require(orders.max { ($0.data["orderNumber"]?.intValue ?? 0) < ($1.data["orderNumber"]?.intValue ?? 0) })
            guard case .array(let lines)? = order.data["lines"] else { Issue.record("no lines"); return }
            let expected: [(String, String, Decimal, Decimal)] = [
                ("10018", "Montage 27-11-2026–28-11-2026: Vibeke Poulsen (9,5 timer) Montage af radiatorer; Afslutning", 9.5, Decimal(string: "740.13")!),
                ("10018", "Service 28-11-2026: Karina Christiansen (3 timer)", 3, Decimal(string: "740.13")!),
                ("KR-22", "Kobberrør 22 mm", 12, Decimal(string: "64.5")!),
                ("10002", "PEX-rør 16 mm", 3, Decimal(string: "21.37")!),
            ]
            #expect(lines.count == expected.count)
            var net = Decimal(0)
            for (line, (product, text, quantity, price)) in zip(lines, expected) {
                #expect(line["product"]?["productNumber"]?.stringValue == product)
                #expect(line["description"]?.stringValue == text)
                #expect(Self.decimal(line["quantity"]) == quantity && Self.decimal(line["unitNetPrice"]) == price)
                var total = quantity * price, rounded = Decimal()
                NSDecimalRound(&rounded, &total, 2, .plain)
                #expect(Self.decimal(line["totalNetAmount"]) == rounded)
                net += rounded
            }
            #expect(Self.decimal(order.data["netAmount"]) == net && net == Decimal(string: "10089.74")!)
            #expect(order.data["customer"]?["customerNumber"]?.intValue == 1024)
            #expect(order.data["recipient"]?["name"]?.stringValue == "Pedersen VVS Holding ApS")
        }
    }

    static func decimal(_ value: JSONValue?) -> Decimal? {
        if case .number(let text)? = value { return Decimal(string: text) }
        return nil
    }

    /// Project "Carport, Vejlevej 3" with approved hours, whose new customer e-conomic does not have yet.
    static func customerNotInEconomic(_ connected: ConnectedCLI) async throws {
        try await connected.importLines([
            #"{"kind":"customer","ref":"ny","data":{"name":"Nykunde Tømrer ApS","currency":"DKK"}}"#,
            #"{"kind":"project","ref":"p","data":{"name":"Carport, Vejlevej 3","customer":"@ny"}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:3","project":"@p","hourType":"e:1","date":"2026-11-27","hours":4,\#(approved)}}"#,
        ])
        try await connected.expect(["config", "set", "orders.hoursProduct", "10018"])
    }

    @Test("a project whose customer has no e-conomic key: \"Customer not found in e-conomic\" naming the customer; nothing is written anywhere")
    func customerNotFound() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.customerNotInEconomic(connected)
            let project = try #require(try await connected.expect(["local", "project", "list"]).split(separator: "\n")
                .first { $0.contains("Carport") }?.split(separator: " ").first.map(String.init))
            let before = connected.state()
            let refused = try await connected.run(["order", "export", "--project", project])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("Customer not found in e-conomic: Nykunde Tømrer ApS (customer "), "\(refused.stderr)")
            #expect(connected.state() == before)
            #expect(try await connected.expect(["local", "hours", "list"]).contains("approved"))
            let statusRun = try await connected.run(["status", "--json"])
            #expect(statusRun.status == 1, "a failed module run needs the office: status says so to monitoring")
            let status = try ModuleCommandTests.json(statusRun.stdout)
            #expect(ModuleCommandTests.module(status, "orders")?["lastErrorKind"]?.stringValue == "customerNotFound")
        }
    }

    @Test("with product auto-creation off, an export needing a product e-conomic lacks is refused naming it; nothing is written")
    func productMissing() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            try await connected.expect(["config", "set", "products.autoCreate", "false"])
            let before = connected.state()
            let dryRun = try await connected.run(["order", "export", "--project", "e:2", "--dry-run"])
            #expect(dryRun.status == 1, "the dry run exits as the export would: \(dryRun.stdout)")
            #expect(dryRun.stdout.contains("KR-22") && dryRun.stderr.contains("e-conomic lacks the products KR-22 (Kobberrør 22 mm), and product auto-creation is off"),
                    "\(dryRun.stderr)")
            let refused = try await connected.run(["order", "export", "--project", "e:2"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("e-conomic lacks the products KR-22 (Kobberrør 22 mm), and product auto-creation is off"), "\(refused.stderr)")
            #expect(connected.state() == before)
            #expect(try await connected.expect(["order", "list"]).split(separator: "\n").count == 1)
        }
    }
}
