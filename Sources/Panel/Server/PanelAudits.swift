import Foundation
import Synchronization
import Sync

/// The audits started from the panel ("Revision"), run in the background so
/// that a page view never waits for e-conomic: whether one is running, and
/// the last one's findings or why it failed.
final class PanelAudits: Sendable {
    /// The last audit the panel ran.
    struct Finished: Sendable {
        var audit: Audit
        /// The snapshot audited against, as the store names it.
        var file: String
        var at: Date
    }

    private struct State {
        var running = false
        var last: Finished?
        var failure: String?
    }

    private let state = Mutex(State())

    var running: Bool { state.withLock { $0.running } }
    var last: Finished? { state.withLock { $0.last } }
    /// Why the last audit failed, when it did (the error's own words).
    var failure: String? { state.withLock { $0.failure } }

    /// Starts an audit against a fresh snapshot in the background; false when one is running.
    func start(workspace: Workspace) -> Bool {
        let started = state.withLock { state in
            guard !state.running else { return false }
            state.running = true
            return true
        }
        guard started else { return false }
        Task.detached { [self] in
            do {
                let (audit, file) = try await workspace.auditFresh()
                let finished = Finished(audit: audit, file: file, at: workspace.now())
                self.state.withLock { $0 = State(running: false, last: finished, failure: nil) }
            } catch {
                self.state.withLock { state in
                    state.running = false
                    state.failure = "\(error)"
                }
            }
        }
        return true
    }
}
