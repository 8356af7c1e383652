import Foundation
import Synchronization
import Sync
import Vocabulary

/// The syncs started from the panel, run in the background so that a page
/// view never waits for one: which modules are running with their pushes
/// done and to do, and what the last one could not run, to say on the page.
final class PanelRuns: Sendable {
    /// A running module's pushes: `done` of `total` (0 of 0 while it pulls and plans).
    struct Progress: Sendable, Encodable, Equatable {
        var done = 0
        var total = 0
    }

    private struct State {
        var running: [Module: Progress] = [:]
        var active = false
        var notices: [String] = []
    }

    private let state = Mutex(State())

    /// The modules running now, with their progress.
    var progress: [Module: Progress] { state.withLock { $0.running } }

    /// What the last panel sync could not do (a module not run, and why).
    var notices: [String] { state.withLock { $0.notices } }

    /// Starts a sync of `modules` (every enabled one when empty) in the
    /// background; false when one the panel started is still running.
    func start(_ modules: [Module], force: Bool, workspace: Workspace) -> Bool {
        let started = state.withLock { state in
            guard !state.active else { return false }
            state.active = true
            state.notices = []
            return true
        }
        guard started else { return false }
        var events = SyncEvents()
        events.starting = { [self] module, _ in self.state.withLock { $0.running[module] = Progress() } }
        events.applying = { [self] progress in
            self.state.withLock { state in
                for module in state.running.keys { state.running[module] = Progress(done: progress.done, total: progress.total) }
            }
        }
        events.finished = { [self] result in
            self.state.withLock { state in
                state.running[result.module] = nil
                if case .notRun(let module, let error) = result { state.notices.append("\(module.rawValue): \(error.message)") }
            }
        }
        Task.detached { [self] in
            do {
                _ = try await workspace.sync(modules, force: force, events: events)
            } catch {
                self.state.withLock { $0.notices.append("\(error)") }
            }
            self.state.withLock { state in
                state.running = [:]
                state.active = false
            }
        }
        return true
    }
}
