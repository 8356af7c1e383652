import Foundation
import Replica
import Vocabulary

extension ModuleScheduler {
    /// What the modules did: runs and the notifications sent or held back about them.
    public struct History: Sendable, Encodable {
        /// Oldest first; a run's `error` as the run kept it (read it with ``RunProblem/init(stored:)``).
        public var runs: [ModuleRun]
        /// Oldest first.
        public var notifications: [NotificationEntry]

        private enum Keys: String, CodingKey { case runs, notifications }

        /// Scripts read each run's error as its English words.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(runs.map { run in
                var run = run
                run.error = run.error.map { RunProblem(stored: $0).description }
                return run
            }, forKey: .runs)
            try container.encode(notifications, forKey: .notifications)
        }
    }

    /// The newest `limit` runs of this department's modules (of `module` only,
    /// when given) started at or after `since`, and the notifications about
    /// them, each oldest first.
    ///
    /// ```swift
    /// let history = try scheduler.history(module: .projectEntries, since: "2026-11-02T00:00:00Z")
    /// history.runs.last?.error   // "Employee is missing an e-conomic ID: …"
    /// ```
    public func history(module: Module? = nil, since: String? = nil, limit: Int = 50) throws -> History {
        let key = module.map(self.key)
        let runs = try replica.moduleRuns(module: key, since: since, limit: limit).filter { isInScope($0.module) }
        let notifications = try replica.notifications(module: key, since: since, limit: limit).filter { isInScope($0.module) }
        return History(runs: runs.reversed(), notifications: notifications.reversed())
    }
}
