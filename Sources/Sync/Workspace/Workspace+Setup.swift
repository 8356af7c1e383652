import Foundation
import Replica

extension Workspace {
    /// Stores the wizard's answers in one transaction and activates the
    /// integration: each setting (already checked), each hour type's
    /// e-conomic activity, and, the first time, `activatedAt` (the moment from
    /// which e-conomic's projects are imported).
    ///
    /// The activation time is set only when no module has run yet and it is
    /// neither stored nor among `settings`: running the wizard again, or
    /// giving `activatedAt` yourself, never moves it.
    ///
    /// ```swift
    /// try workspace.activate(settings: [("orders.grouping", "type")], activities: [3: 100])
    /// ```
    public func activate(settings: [(name: String, value: String)], activities: [Int64: Int]) throws {
        for (name, value) in settings { try ConfigKey.check(name, value) }
        try replica().write { writer in
            for (name, value) in settings { try writer.setSetting(name, value) }
            for (id, activity) in activities.sorted(by: { $0.key < $1.key }) {
                _ = try writer.update(HourType.self, id: id) { $0.activityNumber = activity }
            }
            if try writer.moduleStatuses().isEmpty, try writer.setting(Self.activatedAt) == nil {
                try writer.setSetting(Self.activatedAt, Timestamp.string(now()))
            }
        }
    }

    /// The setting that holds when the integration was activated.
    static let activatedAt = "activatedAt"
}
