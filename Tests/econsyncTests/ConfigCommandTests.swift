import Foundation
import Snapshot
import Testing

/// `econsync config`: show, set, unset, export and import.
@Suite("econsync config")
struct ConfigCommandTests {
    @Test("export prints what is set; import into another replica sets it all; a bad file or value is refused and changes nothing")
    func exportImport() throws {
        let first = try CLI(), second = try CLI()
        for cli in [first, second] { try #require(try cli.run(["init"]).status == 0) }
        #expect(try first.run(["config", "set", "orders.grouping", "type"]).stdout == "orders.grouping = type\n")
        #expect(try first.run(["config", "set", "projects.subProjects", "standalone"]).status == 0)
        #expect(try first.run(["config", "set", "smtp.to", "kontor@firma.dk,formand@firma.dk"]).status == 0)
        let exported = try first.run(["config", "export"]).stdout
        #expect(exported == #"{"orders.grouping":"type","projects.subProjects":"standalone","smtp.to":"kontor@firma.dk,formand@firma.dk"}"# + "\n")
        let file = second.outside.appendingPathComponent("config.json")
        try Data("{\"orders.grouping\":\"weekly\",\"schedule.interval\":\"30\"}".utf8).write(to: file)
        let refused = try second.run(["config", "import", file.path])
        #expect(refused.status == 1 && refused.stderr.contains("orders.grouping must be one of none, type, type-employee, date, product (got \"weekly\")"))
        #expect(try second.run(["config", "export"]).stdout == "{}\n", "nothing of the bad file was set")
        try Data("[1, 2]".utf8).write(to: file)
        #expect(try second.run(["config", "import", file.path]).stderr.contains("not a JSON object of settings"))
        try Data(exported.utf8).write(to: file)
        #expect(try second.run(["config", "import", file.path]).stdout == "3 settings imported from \(file.path)\n")
        #expect(try second.run(["config", "export"]).stdout == exported)
        let show = try second.run(["config", "show"]).stdout
        #expect(show.contains("orders.grouping") && show.contains("schedule.cooldown          15 (default)"))
        let unknown = try second.run(["config", "set", "orders.groupin", "type"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown setting \"orders.groupin\" (did you mean \"orders.grouping\"?)"),
                "\(unknown.stderr)")
        #expect(try second.run(["config", "unset", "orders.grouping"]).stdout == "orders.grouping = none (default)\n")
        let template = try second.run(["config", "set", "orders.hoursText", "$nvan $regnavn"])
        #expect(template.status == 2 && template.stderr.contains("unknown variable $nvan"))
    }

    @Test("a setting that names an e-conomic record is checked against e-conomic when connected: an unknown number is refused, listing what there is")
    func checkedAgainstEconomic() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let before = try await connected.expect(["config", "export"])
            let refused = try await connected.run(["config", "set", "orders.layout", "99"])
            #expect(refused.status == 2 && refused.stderr.contains("orders.layout: e-conomic has no layout 99; it has 19 "), "\(refused.stderr)")
            #expect(try await connected.expect(["config", "export"]) == before, "nothing changed")
            #expect(try await connected.expect(["config", "set", "orders.layout", "19"]) == "orders.layout = 19\n")
            let group = try await connected.run(["config", "set", "projects.projectGroup", "42"])
            #expect(group.status == 2 && group.stderr.contains("e-conomic has no project group 42"), "\(group.stderr)")
            #expect(try await connected.run(["config", "set", "customers.defaultGroup", "1"]).status == 0)
        }
        let offline = try CLI()
        #expect(try offline.run(["init"]).status == 0)
        let unchecked = try offline.run(["config", "set", "orders.layout", "99"])
        #expect(unchecked.status == 0 && unchecked.stdout == "orders.layout = 99\n"
                && unchecked.stderr == "warning: orders.layout is not checked against e-conomic: not connected\n", "\(unchecked.stderr)")
    }
}
