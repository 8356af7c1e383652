import Replica
import Sync

/// "Indstillinger": the setup wizard's steps 2–4 (``SetupStep/steps``) as
/// one form, each question with its current value: a ja/nej choice for a
/// flag, the setting's values in words for one with a fixed list (``ConfigKey/choices``),
/// e-conomic's choices (number and name) where the question has some, a text field otherwise; step 4 with the activity of each hour type that
/// has none; step 5 ("Bekræftelse") with what will be stored and the button
/// that stores it and activates the integration, as `econsync setup` does.
/// Without e-conomic's choices (not connected, or e-conomic unreachable) it
/// says so and shows every value as text.
struct SettingsPage {
    /// Whether e-conomic's choices could be fetched.
    enum Choices: Equatable {
        case fetched, notConnected, unreachable
    }

    var draft: SetupDraft
    var choices: Choices
    /// What a refused form sent, shown again (see ``SettingsForm``).
    var entered: [String: String] = [:]
    /// The refused fields and why: nothing was stored.
    var problems: [(field: String, message: String)] = []
    /// What the last action did, said above the rest.
    var notice: SettingsText?
    var csrf: String
    var language: PanelLanguage

    var html: String {
        var body = "<style>fieldset { margin: 0 0 1rem; border: 1px solid #d9dee4; } label { display: block; margin: .5rem 0 .15rem; }"
            + " .invalid { outline: 2px solid #a4161a; } #review th { width: 50%; }</style>\n"
        body += "<p>\(text(.intro))</p>\n"
        if let notice { body += "<p class=\"notice\" id=\"settings-notice\">\(text(notice))</p>\n" }
        if choices != .fetched {
            body += "<p class=\"notice\" id=\"no-choices\">\(text(choices == .notConnected ? .notConnected : .notReachable))</p>\n"
        }
        if !problems.isEmpty {
            body += "<div id=\"problems\" class=\"state-failed\"><p>\(text(.problemsTitle))</p><ul>"
                + problems.map { "<li data-field=\"\(HTML.escape($0.field))\">\(HTML.escape($0.message))</li>" }.joined() + "</ul></div>\n"
        }
        body += "<form method=\"post\" action=\"/settings?lang=\(language.rawValue)\" id=\"settings\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">\n"
        for step in SetupStep.steps {
            body += "<fieldset id=\"step-\(step.number)\"><legend>\(HTML.escape(SettingsText.stepTitle(step, language)))</legend>\n"
            body += step.questions.map(control).joined()
            if step.number == 4 { body += activities }
            body += "</fieldset>\n"
        }
        body += "<fieldset id=\"step-5\"><legend>\(HTML.escape(SettingsText.stepTitle(ofStep: 5, language)))</legend>\n<p>\(text(.reviewHelp))</p>\n"
            + "<table id=\"review\"><tbody>\n" + review.map { "<tr><th>\(HTML.escape($0))</th><td>\(HTML.escape($1))</td></tr>\n" }.joined()
            + "</tbody></table>\n" + activated
            + "<button type=\"submit\" id=\"activate\">\(text(.activate))</button></fieldset>\n</form>\n"
        return HTML.page(title: SettingsText.title.in(language), language: language, body: body)
    }

    private func text(_ item: SettingsText) -> String {
        HTML.escape(item.in(language))
    }

    /// The choices e-conomic offers for `question`, when they were fetched and it has some.
    private func offered(_ question: SetupStep.Question) -> [SetupChoices.Choice]? {
        guard let list = question.choices.map({ draft.choices[keyPath: $0] }), !list.isEmpty else { return nil }
        return list
    }

    /// One question: its label and control, the current (or just entered) value chosen.
    private func control(_ question: SetupStep.Question) -> String {
        let id = Self.id(question.key)
        let value = entered[question.key] ?? draft.values[question.key] ?? ""
        let invalid = problems.contains { $0.field == question.key } ? " class=\"invalid\" aria-invalid=\"true\"" : ""
        let name = "name=\"\(HTML.escape(question.key))\" id=\"\(id)\"\(invalid)"
        let label = "<label for=\"\(id)\">\(HTML.escape(SettingsText.question(question, language)))</label>"
        if question.isFlag {
            let options = [("true", SettingsText.yes), ("false", .no)]
                .map { option(value: $0, label: $1.in(language), selected: SetupStep.flag(value) == $0) }.joined()
            return "<p>\(label)<select \(name)>\(options)</select></p>\n"
        }
        if let setting = question.setting, let values = setting.choices {
            let options = values.map { ($0, setting.words(for: $0, in: language) ?? $0) }
            return "<p>\(label)<select \(name)>\(self.options(options, chosen: value, otherwise: .cannotUse))</select></p>\n"
        }
        if let list = offered(question) {
            let options = list.map { ($0.number, $0.description) }
            return "<p>\(label)<select \(name)>\(self.options(options, chosen: value, otherwise: .notInEconomic))</select></p>\n"
        }
        return "<p>\(label)<input type=\"text\" \(name) value=\"\(HTML.escape(value))\" size=\"40\"></p>\n"
    }

    /// The `<option>`s of `choices` (value and label), `chosen` selected: when it is none of them, an option
    /// of its own comes first, "(ingen)" when empty, else the value and why it is not offered (`otherwise`).
    private func options(_ choices: [(value: String, label: String)], chosen: String, otherwise: SettingsText) -> String {
        var html = choices.map { option(value: $0.value, label: $0.label, selected: $0.value == chosen) }.joined()
        if !choices.contains(where: { $0.value == chosen }) {
            html = option(value: chosen, label: chosen.isEmpty ? SettingsText.none.in(language) : "\(chosen) (\(otherwise.in(language)))", selected: true) + html
        }
        return html
    }

    private func option(value: String, label: String, selected: Bool) -> String {
        "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
    }

    /// Step 4's activity mapping: e-conomic's activities for each hour type without one (only when they were fetched).
    private var activities: String {
        guard !draft.choices.activities.isEmpty else { return "" }
        var html = "<h3>\(text(.activityMapping))</h3>\n"
        guard !draft.unmappedHourTypes.isEmpty else { return html + "<p id=\"no-unmapped\">\(text(.noUnmapped))</p>\n" }
        for match in draft.unmappedHourTypes {
            let field = SettingsForm.activityField(match.hourType.id!)
            let value = entered[field] ?? draft.activities[match.hourType.id!].map(String.init) ?? ""
            let options = option(value: "", label: SettingsText.none.in(language), selected: value.isEmpty)
                + draft.choices.activities.map { option(value: $0.number, label: $0.description, selected: $0.number == value) }.joined()
            let invalid = problems.contains { $0.field == field } ? " class=\"invalid\" aria-invalid=\"true\"" : ""
            html += "<p><label for=\"\(Self.id(field))\">\(text(.activityFor)) \(HTML.escape(match.hourType.name))</label>"
                + "<select name=\"\(field)\" id=\"\(Self.id(field))\"\(invalid)>\(options)</select></p>\n"
        }
        return html
    }

    /// What activating stores, in words: each question with its answer (e-conomic's choices by number and name), then each activity.
    private var review: [(String, String)] {
        let answers = SetupStep.steps.flatMap(\.questions).map { question -> (String, String) in
            let value = draft.values[question.key]
            let answer: String? = question.isFlag
                ? value.map { ($0 == "true" ? SettingsText.yes : .no).in(language) }
                : value.map { value in
                    question.setting?.words(for: value, in: language) ?? offered(question)?.first { $0.number == value }?.description ?? value
                }
            return (SettingsText.question(question, language), answer ?? "—")
        }
        let mapped = draft.unmappedHourTypes.compactMap { match -> (String, String)? in
            guard let number = draft.activities[match.hourType.id!] else { return nil }
            let activity = draft.choices.activities.first { $0.number == String(number) }?.description ?? String(number)
            return ("\(SettingsText.activityFor.in(language)) \(match.hourType.name)", activity)
        }
        return answers + mapped
    }

    /// When the integration was activated, when that is stored (the first activation before any module ran).
    private var activated: String {
        draft.values["activatedAt"].map { "<p id=\"activated\">\(text(.activatedAt)) \(HTML.escape(LocalTime.string($0))).</p>\n" } ?? ""
    }

    /// An element id for a field name (`orders.layout` → `setting-orders-layout`).
    static func id(_ field: String) -> String {
        "setting-" + field.replacingOccurrences(of: ".", with: "-")
    }
}
