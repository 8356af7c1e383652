import Foundation
import Snapshot
import Testing

/// `econsync why KIND RECORD`: whether a record is in e-conomic, and every reason it is not.
@Suite("econsync why")
struct WhyCommandTests {
    @Test("hours: not approved, then waiting for the next run, then paused, then in e-conomic; an employee edited locally is import-only")
    func hoursThroughTheirLife() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            try await connected.expect(["config", "set", "projects.projectGroup", "1"])
            try await connected.expect(["local", "project", "add", "--number", "900", "--name", "Prøveprojekt", "--customer", "e:1001"])
            try await connected.expect(["sync", "projects", "--force"])
            let recorded = try await connected.expect(["local", "hours", "record", "--employee", "e:1", "--project", "n:900", "--type", "e:1",
                                                       "--hours", "7.5", "--json"])
            let id = try #require(try CanonicalJSON.parse(recorded)["id"]?.intValue)

            let unapproved = try await connected.expect(["why", "timeEntry", "\(id)"])
            #expect(unapproved.hasPrefix("timeEntry \(id)") && unapproved.contains(": not in e-conomic yet\n"), "\(unapproved)")
            #expect(unapproved.contains("  - not approved: only approved registrations are sent; `econsync local hours approve \(id)`"), "\(unapproved)")
            #expect(unapproved.components(separatedBy: "\n  - ").count == 2, "one reason: \(unapproved)")

            try await connected.expect(["local", "hours", "approve", "\(id)", "--by", "Formand Jens"])
            let waiting = try await connected.expect(["why", "timeEntry", "\(id)"])
            #expect(waiting.contains("nothing stops it: the next projectEntries run sends it (`econsync sync projectEntries` runs it now)"), "\(waiting)")

            try await connected.expect(["pause"])
            let paused = try CanonicalJSON.parse(try await connected.expect(["why", "timeEntry", "\(id)", "--json"]))
            #expect(paused["state"] == .string("new") && paused["module"] == .string("projectEntries"))
            guard case .array(let reasons)? = paused["reasons"] else { Issue.record("no reasons: \(paused)"); return }
            #expect(reasons.compactMap { $0["code"]?.stringValue } == ["paused"], "\(paused)")
            try await connected.expect(["resume"])

            try await connected.expect(["sync", "projectEntries", "--force"])
            let sent = try await connected.expect(["why", "timeEntry", "\(id)"])
            #expect(sent.contains(": in e-conomic as ") && sent.contains(", as the replica has it\n") && !sent.contains("  - "), "\(sent)")

            try await connected.expect(["local", "employee", "edit", "e:1", "--name", "Omdøbt lokalt"])
            let employee = try await connected.expect(["why", "employee", "e:1"])
            #expect(employee.contains("changed in the replica since it was last synced")
                    && employee.contains("the projects module only imports"), "\(employee)")

            let missing = try await connected.run(["why", "timeEntry", "99999"])
            #expect(missing.status != 0 && missing.stderr.contains("99999"), "\(missing.stdout) \(missing.stderr)")
        }
    }

    @Test("a push the last run blocked is explained with the run's own reason")
    func blockedByLastRun() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            // Project 1 is e-conomic's, older than the activation, so not in the replica: its number is taken all the same.
            try await connected.expect(["local", "project", "add", "--number", "1", "--name", "Samme nummer", "--customer", "e:1001"])
            try await connected.expect(["sync", "projects", "--force"])
            let why = try await connected.expect(["why", "project", "n:1"])
            #expect(why.contains(": not in e-conomic yet\n") && why.contains("  - the last projects run: project number 1 is taken in e-conomic by")
                    && why.contains("(it is never renumbered)"), "\(why)")
        }
    }
}
