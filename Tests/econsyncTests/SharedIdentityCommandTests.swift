import Foundation
import Testing

/// Two customers with one CVR, two employees with one e-mail address: warned
/// about when recorded, and never linked or created by a sync.
@Suite("Records that share a CVR or an e-mail address")
struct SharedIdentityCommandTests {
    @Test("recording a customer with another's CVR warns on stderr naming it; the sync blocks both, naming both")
    func sharedCVR() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            let before = connected.emulator.records(kind: "customer").count
            let first = try await connected.run(["local", "customer", "add", "--name", "Nyt Byggefirma ApS", "--cvr", "13748136"])
            #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
            let second = try await connected.run(["local", "customer", "add", "--name", "Nyt Byggefirma", "--cvr", "13748136"])
            #expect(second.status == 0 && second.stdout.hasPrefix("created customer "))
            #expect(second.stderr.hasPrefix("warning: customer ") && second.stderr.contains("(Nyt Byggefirma ApS) has the same CVR number"),
                    "\(second.stderr)")
            let sync = try await connected.run(["sync", "customers", "--force"])
            let said = sync.stdout + sync.stderr
            #expect(said.contains("(Nyt Byggefirma ApS) and local:") && said.contains("(Nyt Byggefirma) have the same corporateIdentificationNumber 13748136"),
                    "\(said)")
            #expect(connected.emulator.records(kind: "customer").count == before, "neither is created")

            let employee = try await connected.run(["local", "employee", "add", "--number", "77", "--name", "Ny Svend", "--email", "Jens@Example.dk"])
            let other = try await connected.run(["local", "employee", "add", "--number", "78", "--name", "Anden Svend", "--email", "jens@example.dk"])
            #expect(employee.stderr.isEmpty && other.stderr.contains("(Ny Svend) has the same e-mail address"), "\(other.stderr)")
        }
    }
}
