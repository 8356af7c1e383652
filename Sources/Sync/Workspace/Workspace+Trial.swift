import Reconcile
import Replica
import Vocabulary

extension Workspace {
    /// The trial-run scope of the project `reference` names (see ``PlanScope/project(_:in:)``).
    public func projectScope(_ reference: RecordRef) throws -> PlanScope {
        let id = try resolve(reference, as: .project)
        return try PlanScope.project(id, in: try replica(readOnly: true))
    }

    /// A sync of one project's records only (the brief's trial run): one
    /// reconcile over the modules `scope` needs, recorded as a run of each,
    /// told as a sync tells its modules. Refused as a sync is (paused, a
    /// module cooling down unless `force`, busy), as each module not run.
    ///
    /// ```swift
    /// let outcome = try await workspace.sync(trial: try workspace.projectScope(.number("1042")))
    /// ```
    public func sync(trial scope: PlanScope, force: Bool = false, events: SyncEvents = SyncEvents()) async throws -> SyncOutcome {
        var reconciliation = try reconciliation(readOnly: false)
        let scheduler = scheduler(reconciliation.replica)
        let settings = try scheduler.settings()
        if let paused = settings.pausedError() { throw paused }
        try reconciliation.narrow(to: scope, settings: settings)
        let first = Module.runOrder.first(where: reconciliation.modules.contains)!
        var outcome = SyncOutcome()
        events.starting(first, [])
        var reconcileEvents = ReconcileEvents()
        reconcileEvents.pulling = events.pulling
        reconcileEvents.planned = { _ in events.pulled() }
        reconcileEvents.applying = events.applying
        do {
            let ran = try await reconcile(reconciliation, .apply, reconcileEvents, by: scheduler, settings: settings, force: force)
            outcome.results = ran.runs.map { .ran($0) }
        } catch let error as SyncError {
            outcome.results = [.notRun(Module(rawValue: error.module ?? "") ?? first, error)]
        }
        for result in outcome.results {
            events.finished(result)
            if try await outcome.stopsAt(result, replica: reconciliation.replica) { break }
        }
        return outcome
    }
}

extension Reconciliation {
    /// Makes this a trial run over `scope`'s records, in the modules they
    /// belong to that are enabled; refused when none is.
    mutating func narrow(to scope: PlanScope, settings: ModuleSettings) throws {
        self.scope = scope
        modules = Set(scope.modules.filter(settings.isEnabled))
        guard modules.isEmpty else { return }
        throw SyncError(.disabled, .allDisabled(scope.kind, scope.name, scope.modules), module: (scope.modules.first ?? .projects).rawValue)
    }
}
