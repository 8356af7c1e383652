import Replica
import Sync

/// The "Indstillinger" form's answers laid over the wizard's draft, each
/// checked as `econsync setup` checks it (the setting's own check, then
/// e-conomic's choices when they could be fetched). A field the form did not
/// send keeps the draft's value; so does an empty field for a setting that
/// has none. Nothing is stored here: a form without ``problems`` is stored
/// with `Workspace.activate(_:)`.
///
/// ```swift
/// let answers = try SettingsForm(draft: draft, form: FormBody("orders.grouping=type"), language: .da)
/// answers.problems.isEmpty   // true: answers.draft.values["orders.grouping"] == "type"
/// ```
struct SettingsForm {
    /// The draft with every acceptable answer in it.
    var draft: SetupDraft
    /// What the form sent for each field (a setting, or `activity.ID`), shown again when it is refused.
    var entered: [String: String] = [:]
    /// Each refused field with why, in the order the form asks.
    var problems: [(field: String, message: String)] = []

    init(draft: SetupDraft, form: FormBody, language: PanelLanguage) throws {
        self.draft = draft
        for question in SetupStep.steps.flatMap(\.questions) {
            guard let sent = form[question.key]?.trimmingCharacters(in: .whitespaces) else { continue }
            if sent.isEmpty, draft.values[question.key] == nil { continue }
            entered[question.key] = sent
            let value = question.isFlag ? SetupStep.flag(sent) ?? sent : sent
            if let problem = try draft.problem(question, value) {
                problems.append((question.key, SettingsText.problem(problem, question: question, value: sent, language)))
            } else {
                self.draft.values[question.key] = value
            }
        }
        // Activities can be chosen only from e-conomic's: without them the mapping is left as it is.
        guard !draft.choices.activities.isEmpty else { return }
        for match in draft.unmappedHourTypes {
            let field = Self.activityField(match.hourType.id!)
            guard let sent = form[field]?.trimmingCharacters(in: .whitespaces) else { continue }
            entered[field] = sent
            if sent.isEmpty {
                self.draft.activities[match.hourType.id!] = nil
            } else if let number = draft.activity(sent) {
                self.draft.activities[match.hourType.id!] = number
            } else {
                let name = "\u{201C}\(SettingsText.activityFor.in(language)) \(match.hourType.name)\u{201D}"
                problems.append((field, "\(name): \u{201C}\(sent)\u{201D} \(SettingsText.notAnActivity.in(language))"))
            }
        }
    }

    /// The form field of the activity of the hour type with local id `id`.
    static func activityField(_ id: Int64) -> String {
        "activity.\(id)"
    }
}
