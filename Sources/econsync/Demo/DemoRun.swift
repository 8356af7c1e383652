import ArgumentParser
import Economic
import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import Vocabulary
import Workbench

/// The demo's steps: econsync's own commands, run in this process against
/// the in-process emulator, with the field work written through the replica's API.
struct DemoRun {
    let directory: URL
    let emulator: EconomicEmulator
    /// The emulator's loopback port.
    let port: Int
    var step = 0
    var base: String { "http://127.0.0.1:\(port)" }

    init(directory: URL, emulator: EconomicEmulator, port: Int) {
        self.directory = directory
        self.emulator = emulator
        self.port = port
    }

    func heading(_ text: String) {
        print("\n== \(text)")
        fflush(nil)
    }

    /// Runs `econsync ARGUMENTS --data-dir DIRECTORY` in this process; a non-zero exit is shown, not thrown.
    func econsync(_ arguments: [String]) async throws {
        print("\n$ econsync \(arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))")
        defer { fflush(nil) }
        do {
            try await Econsync.run(Econsync.parseAsRoot(arguments + ["--data-dir", directory.path]))
        } catch let code as ExitCode {
            print("(exit status \(code.rawValue))")
        } catch let error as SyncError {
            print("error: \(error.commandLineText)\(error.troubleshooting.map { "\n  what to do: \(CommandLineWording().words(for: $0))" } ?? "")")
        }
    }

    func run() async throws {
        heading("1. a replica in a temporary directory, connected to the emulated agreement, set up without questions")
        try await econsync(["init"])
        try connect()
        print("(projects e-conomic changed before activation are not imported; the demo activates as of 1 January)")
        try await econsync(["config", "set", "activatedAt", "2026-01-01T00:00:00Z"])
        try await econsync(["setup", "--non-interactive"])
        heading("2. the first sync of every module: e-conomic's records into the replica")
        try await econsync(["sync"])
        try holdings()
        heading("3. offline field work, recorded without network")
        try fieldWork()
        heading("4. reconnected: what a reconcile would do (a dry run writes nothing)")
        try await econsync(["reconcile", "--dry-run"])
        heading("5. the reconcile applied in one batch, pushes in dependency order through the outbox")
        print("(forced: the first sync ran moments ago, inside the modules' 15-minute cooldown, which a reconcile respects too)")
        try await econsync(["reconcile", "--force"])
        try await econsync(["conflicts"])
        heading("6. an order exported from project 2: approved hours and materials, grouped by type and employee")
        try await econsync(["order", "export", "--project", "e:2", "--group", "type-employee"])
        heading("7. module status, and an audit of the replica against a fresh snapshot of e-conomic")
        try await econsync(["status"])
        try await econsync(["snapshot", "take"])
        try await econsync(["audit"])
        print("(the audit's finding is the field work still waiting: an employee without an "
              + "e-conomic id; the hours blocked on it went to e-conomic on the order)")
        heading("next: your own e-conomic agreement")
        print(Self.nextSteps)
    }

    /// The records the replica holds, counted per kind as the office knows
    /// them, e-conomic's lookups (groups, terms, zones, layouts) apart.
    func holdings() throws {
        let counts = try ReplicaStore.open(at: directory.appendingPathComponent(ReplicaStore.fileName), readOnly: true).counts().records
        let lookups: Set<Kind> = [.productGroup, .customerGroup, .paymentTerm, .vatZone, .layout, .department]
        func listed(_ kinds: [Kind]) -> String {
            kinds.compactMap { kind in
                counts[kind].flatMap { $0 > 0 ? Output.count($0, kind.noun, plural: kind.noun.hasSuffix("y") ? kind.noun.dropLast() + "ies" : nil) : nil }
            }.joined(separator: ", ")
        }
        print("(the replica now holds \(listed(Kind.allCases.filter { !lookups.contains($0) })); "
              + "and e-conomic's lookups: \(listed(Kind.allCases.filter { lookups.contains($0) })))")
    }

    /// What the office runs after the demo, in order.
    static let nextSteps = """
        econsync init                      # a replica of your own (~/.local/share/econsync, or --data-dir)
        econsync connect                   # approve econsync's access in e-conomic (the app tokens: see the README)
        econsync setup                     # the wizard's five steps
        econsync reconcile --dry-run       # what the first sync would do; nothing is written
        econsync sync                      # the first sync
        econsync run                       # then every module when due (or a timer calling `econsync sync`: see the README)
        """

    /// Stores a connection to the emulator, as `econsync connect` does after the user approves access.
    func connect() throws {
        try Workspace(directory: directory).store(.emulator(agreement: emulator.agreement, port: port, companyName: "Mobilplan Demo ApS"),
                                                  replacing: nil)
        print("connected to e-conomic agreement \(emulator.agreement) (emulated at \(base))")
    }
}
