import ArgumentParser

/// `econsync bench …`: data generation and benchmarks.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say("Generér realistiske data, og mål econsyncs hastighed.", "Generate realistic data and measure econsync's speed."),
        subcommands: [Generate.self, ReplicaBench.self, PanelBench.self, SnapshotBench.self, PullBench.self, SyncBench.self, DayBench.self, ReconcileBench.self, PlanBench.self, MergeBench.self, Churn.self])
}
