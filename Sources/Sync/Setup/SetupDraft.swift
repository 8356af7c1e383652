import Foundation
import Replica

/// The setup wizard's answers before they are stored: what it proposes for
/// each setting (what is set, else the default, else e-conomic's first
/// choice) with the values given up front laid over it, each local hour
/// type's e-conomic activity, and e-conomic's choices to ask from. A front
/// end asks ``SetupStep/steps`` against it, then stores it with
/// ``Workspace/activate(_:)``.
///
/// ```swift
/// var draft = try await workspace.setupDraft(given: [("orders.grouping", "type")])
/// draft.values["orders.layout"] = "19"
/// try workspace.activate(draft)
/// ```
public struct SetupDraft: Sendable {
    /// e-conomic's choices (layouts, groups, terms, activities, employees, …).
    public var choices: SetupChoices
    /// The value of every setting, as it will be stored.
    public var values: [String: String]
    /// The settings given up front (a settings file, `--set`), in order; they win over what is proposed.
    public var given: [(name: String, value: String)]
    /// Each local hour type's e-conomic activity number, by the hour type's local id.
    public var activities: [Int64: Int]
    /// The local hour types that have no activity yet, each with the e-conomic activity of its exact name, if any.
    public var unmappedHourTypes: [(hourType: HourType, activity: SetupChoices.Choice?)]

    /// What activating stores: the wizard's settings in its order, then any
    /// other setting given up front (such as `activatedAt`).
    public var chosen: [(name: String, value: String)] {
        let asked = Set(SetupStep.keys)
        return SetupStep.keys.compactMap { key in values[key].map { (key, $0) } } + given.filter { !asked.contains($0.name) }
    }

    /// Why an answer cannot be stored.
    public enum Problem: Sendable, Equatable {
        /// The setting's own check refused it, for this reason.
        case invalid(SettingProblem)
        /// It is not one of e-conomic's choices for the question.
        case notAChoice
    }

    /// Why `value` cannot answer `question` (the setting's own check, then
    /// e-conomic's choices, when the draft has some for it); nil when it can.
    public func problem(_ question: SetupStep.Question, _ value: String) throws -> Problem? {
        if let reason = try ConfigKey.named(question.key).check(value) { return .invalid(reason) }
        if let list = question.choices.map({ choices[keyPath: $0] }), !list.isEmpty, !list.contains(where: { $0.number == value }) {
            return .notAChoice
        }
        return nil
    }

    /// The activity number `answer` names, when it is one of e-conomic's activities; nil otherwise.
    public func activity(_ answer: String) -> Int? {
        guard let number = Int(answer), choices.activities.contains(where: { $0.number == answer }) else { return nil }
        return number
    }
}

extension Workspace {
    /// A new draft of the wizard's answers: e-conomic's choices fetched with
    /// the stored connection, the replica's settings and hour types read, and
    /// `given` checked and laid over them. Nothing is written.
    public func setupDraft(given: [(name: String, value: String)] = []) async throws -> SetupDraft {
        for (name, value) in given { try ConfigKey.check(name, value) }
        let (client, _) = try client()
        return try setupDraft(given: given, choices: try await SetupChoices.fetch(client))
    }

    /// A new draft of the wizard's answers with e-conomic's `choices` fetched
    /// already (or none, when e-conomic cannot be asked): the replica's
    /// settings and hour types read, and `given` checked and laid over them.
    /// Nothing is written.
    public func setupDraft(given: [(name: String, value: String)] = [], choices: SetupChoices) throws -> SetupDraft {
        for (name, value) in given { try ConfigKey.check(name, value) }
        let replica = try replica()
        var values = try choices.defaults(replica: replica)
        for (name, value) in given { values[name] = value }
        let unmapped = try choices.activityMatches(replica: replica)
        var activities: [Int64: Int] = [:]
        for match in unmapped { activities[match.hourType.id!] = match.activity.flatMap { Int($0.number) } }
        return SetupDraft(choices: choices, values: values, given: given, activities: activities, unmappedHourTypes: unmapped)
    }

    /// Stores `draft` and activates the integration (see ``activate(settings:activities:)``).
    public func activate(_ draft: SetupDraft) throws {
        try activate(settings: draft.chosen, activities: draft.activities)
    }
}
