import EconomicEmulator
import Foundation
import Snapshot
import TestSupport

/// The embedded demo agreement (agreement 1118081, 30 customers, 50 products, 14 projects, 24 time entries).
let demoSnapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots/demo-agreement.ndjson.gz").path

/// An emulator started on 127.0.0.1 port 0 for one test, with a manual clock.
struct Harness {
    let emulator: EconomicEmulator
    let clock: ManualClock
    let client: HTTPTestClient

    var port: Int { client.port }

    /// Runs `body` against a fresh emulator (seeded with the demo agreement unless `empty`), then stops it,
    /// whether `body` returned or threw; returns what `body` returned.
    static func with<Result>(empty: Bool = false, configure: (inout EmulatorConfiguration) -> Void = { _ in },
                             _ body: (Harness) async throws -> Result) async throws -> Result {
        let clock = ManualClock()
        var configuration = EmulatorConfiguration(clock: clock, randomSeed: 1)
        configure(&configuration)
        let emulator = empty ? EconomicEmulator(configuration: configuration)
                             : try EconomicEmulator(snapshotPath: demoSnapshot, configuration: configuration)
        return try await emulator.serving { port in
            try await body(Harness(emulator: emulator, clock: clock, client: HTTPTestClient(port: port)))
        }
    }
}

extension JSONValue {
    /// The items, when the value is an array.
    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}
