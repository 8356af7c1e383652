import Foundation
import Replica
import Sync
import Testing
import TestSupport

/// `Workspace.setupDraft` and `activate(_:)`: the wizard's rules, for any
/// front end, against the emulator serving the demo agreement.
@Suite("Workspace: the setup wizard's draft")
struct WorkspaceSetupTests {
    @Test("the draft proposes e-conomic's first choices, lays what is given over them, and activating stores it in the wizard's order")
    func draftAndActivate() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            _ = try await workspace.reconcile(.apply)
            var draft = try await workspace.setupDraft(given: [("orders.grouping", "type"), ("activatedAt", "2026-11-01T00:00:00Z")])
            #expect(!draft.choices.layouts.isEmpty && draft.values["orders.layout"] == draft.choices.layouts.first?.number)
            #expect(draft.values["orders.grouping"] == "type" && draft.values["projects.direction"] == "both")
            let names = draft.chosen.map(\.name)
            #expect(Array(names.prefix(SetupStep.keys.count)) == SetupStep.keys && names.last == "activatedAt")
            #expect(try harness.replica.setting("orders.grouping") == nil, "a draft writes nothing")

            let layout = try #require(draft.choices.layouts.last?.number)
            draft.values["orders.layout"] = layout
            try workspace.activate(draft)
            #expect(try harness.replica.setting("orders.layout") == layout && harness.replica.setting("orders.grouping") == "type")
            #expect(try harness.replica.setting("activatedAt") == "2026-11-01T00:00:00Z")
        }
    }

    @Test("a value given up front that the setting refuses stops the draft before anything is fetched or written")
    func refusedValue() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            let before = harness.emulator.requestCount
            let refused = await #expect(throws: ConfigError.self) { try await workspace.setupDraft(given: [("orders.grouping", "weekly")]) }
            #expect(refused?.code == .invalidValue && refused?.message.contains("weekly") == true)
            #expect(try harness.emulator.requestCount == before && harness.replica.setting("orders.grouping") == nil)
        }
    }
}
