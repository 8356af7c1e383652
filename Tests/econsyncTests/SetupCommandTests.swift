import Foundation
import Snapshot
import Testing

/// `econsync setup`: the wizard driven through a pseudo-terminal, and without one.
@Suite("econsync setup")
struct SetupCommandTests {
    static func settings(_ connected: ConnectedCLI) async throws -> [String: String] {
        let text = try await connected.expect(["config", "show", "--json"])
        guard case .array(let items)? = try CanonicalJSON.parse(Array(text.utf8))["settings"] else { return [:] }
        var values: [String: String] = [:]
        for item in items where item["isDefault"] == .bool(false) {
            if let name = item["name"]?.stringValue, let value = item["value"]?.stringValue { values[name] = value }
        }
        return values
    }

    /// Answers to the wizard, each typed when its prompt shows; "" takes what is proposed.
    static let answers: [(prompt: String, answer: String?)] = [
        ("Export hours [Y/n]: ", "n"), ("Export materials [Y/n]: ", ""),
        ("$regnavn ($type) the hour type or product", nil),
        ("Text string for hours [$navn $regnavn]: ", "$regnavn: $navn ($antal $enhed)"),
        ("Text string for materials [$regnavn]: ", ""),
        ("Group lines (none, type, type-employee, date, product) [none]: ", "weekly"),
        ("orders.grouping must be one of none, type, type-employee, date, product", "type-employee"),
        ("Order template (layout) [19]: ", "999"), ("999 is not one of e-conomic's choices", ""),
        ("Product hours are invoiced on [10018]: ", ""), ("Product group of products created automatically [1]: ", "2"),
        ("Sync CVR (validate and match customers on CVR number) [Y/n]: ", ""), ("Sync customer groups [Y/n]: ", ""),
        ("Default debtor group [1]: ", ""), ("Payment terms [1]: ", ""), ("Sync contact persons [y/N]: ", "ja"),
        ("Sync hours [Y/n]: ", ""), ("Sync materials [Y/n]: ", ""), ("Sync employees (match by number, e-mail, name) [Y/n]: ", ""),
        ("Project sync direction (both, import, export) [both]: ", ""), ("Project group of projects created in the field [1]: ", ""),
        ("Auto-approval in e-conomic [y/N]: ", "y"),
        ("Book approved hours on (registration, endOfMonth) [registration]: ", "endOfMonth"), ("Use employee rates [y/N]: ", ""),
        ("Sub-projects (linked, merge-into-parent, standalone) [linked]: ", "merge-into-parent"),
        ("Activity for hour type Nattevagt: ", "4"),
    ]

    @Test("Ctrl-C in the wizard says what was kept (nothing saved, the connection kept) and ends with 130")
    func interrupted() async throws {
        try await ConnectedCLI.with { connected in
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup"])
            try await ConnectedCLI.offPool {
                try terminal.expect("Export hours [Y/n]: ")
                terminal.type("n")
                try terminal.expect("Export materials [Y/n]: ")
                process.interrupt()
                try terminal.expect("interrupted: no setting was saved; the connection is kept; run `econsync setup` again")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 130, "\(terminal.transcript)")
            #expect(try await Self.settings(connected)["orders.exportHours"] == nil)
            #expect(try await connected.expect(["status"]).contains("units"), "still connected")
        }
    }

    @Test("the five steps through a terminal: proposals taken with Enter, bad answers asked again, choices from e-conomic; activate")
    func interactive() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["local", "hour-type", "add", "--name", "Nattevagt"])
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup"])
            try await ConnectedCLI.offPool {
                try terminal.expect("connected to agreement 1118081")
                for (prompt, answer) in Self.answers {
                    try terminal.expect(prompt)
                    if let answer { terminal.type(answer) }
                }
                // "No" at the review goes back to a step, not back to the start.
                try terminal.expect("Activate the integration? [Y/n]: ")
                terminal.type("n")
                try terminal.expect("Go back to step 2, 3, 4 (Enter: stop, nothing is saved): ")
                terminal.type("7")
                try terminal.expect("please answer 2, 3, 4, or press Enter")
                terminal.type("3")
                try terminal.expect("Sync CVR (validate and match customers on CVR number) [Y/n]: ")
                terminal.type("n")
                for _ in 0..<4 {
                    try terminal.expect("]: ")
                    terminal.type("")
                }
                try terminal.expect("Activate the integration? [Y/n]: ")
                terminal.type("")
                try terminal.expect("activated: 22 settings saved")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 0, "\(terminal.transcript)")
            #expect(terminal.transcript.contains("Step 5 of 5 — Review"))
            // The review in words: the questions, yes and no, e-conomic's choices by number and name.
            for line in ["  Export hours: no\r\n", "  Order template (layout): 19 ", "  Sync contact persons: yes\r\n",
                         "  Sync CVR (validate and match customers on CVR number): no\r\n", "  hour type Nattevagt → activity 4 "] {
                #expect(terminal.transcript.contains(line), "\(line)")
            }
            #expect(!terminal.transcript.contains("orders.exportHours = "))
            let values = try await Self.settings(connected)
            #expect(values["orders.exportHours"] == "false" && values["orders.exportMaterials"] == "true")
            #expect(values["orders.hoursText"] == "$regnavn: $navn ($antal $enhed)" && values["orders.grouping"] == "type-employee")
            #expect(values["orders.layout"] == "19" && values["products.productGroup"] == "2" && values["customers.syncContacts"] == "true")
            #expect(values["projects.autoApprove"] == "true" && values["projects.bookOn"] == "endOfMonth")
            #expect(values["projects.subProjects"] == "merge-into-parent" && values["customers.syncCVR"] == "false")
            #expect(try await connected.expect(["local", "hour-type", "list"]).contains { _ in true })
            let hourTypes = try await connected.expect(["local", "hour-type", "list"])
            #expect(hourTypes.split(separator: "\n").contains { $0.contains("Nattevagt") && $0.contains(" 4 ") })
        }
    }

    @Test("step 1 connects when there is no connection yet: the grant token typed at the terminal, then the other steps")
    func connectsFirst() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["disconnect"])
            let base = "http://127.0.0.1:\(connected.emulator.port!)"
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup", "--grant-token-stdin", "--rest-url", base,
                                                             "--projects-url", base + "/projectsapi/v1.1.0"])
            try await ConnectedCLI.offPool {
                try terminal.expect("Agreement grant token (from e-conomic's approval page): ")
                terminal.type("emulator-grant")
                try terminal.expect("connected to e-conomic agreement 1118081")
                for _ in 0..<40 {
                    try terminal.expect("]: ")
                    if terminal.transcript.hasSuffix("Activate the integration? [Y/n]: ") { break }
                    terminal.type("")
                }
                terminal.type("y")
                try terminal.expect("activated: 22 settings saved")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 0, "\(terminal.transcript)")
            #expect(FileManager.default.fileExists(atPath: connected.cli.home.appendingPathComponent("credentials.json").path))
            #expect(try await Self.settings(connected)["orders.layout"] == "19")
        }
    }

    @Test("setup on a fresh data directory makes it first, then connects and saves: no `init` needed, no \"no replica here\"")
    func freshDataDirectory() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let fresh = connected.cli.home.appendingPathComponent("fresh").path
            let base = "http://127.0.0.1:\(connected.emulator.port!)"
            let setup = try await connected.run(["setup", "--non-interactive", "--data-dir", fresh, "--grant-token-stdin", "--rest-url", base,
                                                 "--projects-url", base + "/projectsapi/v1.1.0"], input: "emulator-grant\n")
            #expect(setup.status == 0, "\(setup.stdout) \(setup.stderr)")
            #expect(setup.stdout.hasPrefix("a new data directory at \(fresh)\nStep 1 of 5"), "\(setup.stdout)")
            #expect(setup.stdout.contains("activated: 22 settings saved"), "\(setup.stdout)")
            let sync = try await connected.run(["sync", "units", "--data-dir", fresh])
            #expect(sync.status == 0 && sync.stdout.contains("units: done"), "\(sync.stdout) \(sync.stderr)")
        }
    }

    @Test("answering no at the review, then no step to go back to, writes nothing")
    func declined() async throws {
        try await ConnectedCLI.with { connected in
            let before = try await Self.settings(connected)
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup"])
            try await ConnectedCLI.offPool {
                try terminal.expect("Export hours [Y/n]: ")
                terminal.type("n")
                for _ in 0..<40 {
                    try terminal.expect("]: ")
                    if terminal.transcript.hasSuffix("Activate the integration? [Y/n]: ") { break }
                    terminal.type("")
                }
                terminal.type("n")
                try terminal.expect("Go back to step 2, 3, 4 (Enter: stop, nothing is saved): ")
                terminal.type("")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 1)
            #expect(terminal.transcript.contains("nothing was written"))
            #expect(try await Self.settings(connected) == before)
        }
    }

    @Test("without a terminal: defaults from e-conomic, then --config, then --set; a bad value is refused before anything is written")
    func nonInteractive() async throws {
        try await ConnectedCLI.with { connected in
            let file = connected.cli.outside.appendingPathComponent("setup.json")
            try Data(#"{"orders.grouping":"date","projects.useEmployeeRates":true}"#.utf8).write(to: file)
            let bad = try await connected.run(["setup", "--config", file.path, "--set", "orders.grouping=weekly"])
            #expect(bad.status == 2 && bad.stderr.contains("orders.grouping must be one of"), "\(bad.stderr)")
            #expect(try await Self.settings(connected).isEmpty)
            try Data(#"{"orders.grouping":"weekly"}"#.utf8).write(to: file)
            let badFile = try await connected.run(["setup", "--config", file.path])
            #expect(badFile.status == 1 && badFile.stderr.contains("setup.json: orders.grouping must be one of"), "\(badFile.stderr)")
            #expect(try await Self.settings(connected).isEmpty)
            try Data(#"{"orders.grouping":"date","projects.useEmployeeRates":true}"#.utf8).write(to: file)
            let output = try await connected.expect(["setup", "--config", file.path, "--set", "orders.layout=19", "--set", "customers.syncCVR=false"])
            #expect(output.contains("Step 5 of 5 — Review") && output.contains("activated: 22 settings saved"))
            let values = try await Self.settings(connected)
            #expect(values["orders.grouping"] == "date" && values["projects.useEmployeeRates"] == "true")
            #expect(values["customers.syncCVR"] == "false" && values["orders.layout"] == "19" && values["customers.paymentTerms"] == "1")
        }
    }
}
