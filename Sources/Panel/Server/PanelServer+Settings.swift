import Blocking
import Economic
import Foundation
import Hummingbird
import Sync

extension PanelServer {
    /// "Indstillinger": GET /settings shows the setup wizard's steps as forms,
    /// with e-conomic's choices fetched with the stored connection; POST
    /// /settings (with the panel's CSRF token, from its own page) checks every
    /// answer as `econsync setup` does and, when all are acceptable, stores
    /// them and activates the integration as the wizard's last step does,
    /// then leads back to the page ("Indstillingerne er gemt"). One refused
    /// answer stores nothing: the form comes back (400) naming the field.
    func addSettings(to router: Router<PanelContext>) {
        router.get("/settings") { request, _ in
            let language = Self.language(request)
            let (draft, choices) = try await settingsDraft()
            let notice: SettingsText? = request.uri.queryParameters.get("result") == "saved" ? .saved : nil
            return Self.html(SettingsPage(draft: draft, choices: choices, notice: notice, csrf: csrf(for: request) ?? "", language: language).html)
        }
        router.post("/settings") { request, _ in
            guard let form = try await ourForm(request) else { return Self.refused }
            let language = Self.language(request)
            let (draft, choices) = try await settingsDraft()
            let answers = try SettingsForm(draft: draft, form: form, language: language)
            guard answers.problems.isEmpty else {
                let page = SettingsPage(draft: draft, choices: choices, entered: answers.entered, problems: answers.problems,
                                        csrf: csrf(for: request) ?? "", language: language)
                return Self.html(page.html, status: .badRequest)
            }
            let chosen = answers.draft
            try await Blocking.run { [workspace] in try workspace.activate(chosen) }
            return Response.redirect(to: "/settings?result=saved&lang=\(language.rawValue)", type: .normal)
        }
    }

    /// The wizard's draft as `econsync setup` makes it, with e-conomic's
    /// choices when they can be fetched (else none, and why).
    func settingsDraft() async throws -> (SetupDraft, SettingsPage.Choices) {
        var choices = SetupChoices()
        var reached = SettingsPage.Choices.fetched
        do {
            let (stored, _) = try await Blocking.run { [workspace] in try workspace.client() }
            // A page view waits for one retry at most, not the sync's patient backoff: an office without e-conomic gets the page at once.
            var configuration = stored.configuration
            configuration.retry = RetryPolicy(maxAttempts: 2)
            let client = EconomicClient(credentials: stored.credentials, configuration: configuration, transport: stored.transport,
                                        environment: stored.environment)
            choices = try await SetupChoices.fetch(client)
        } catch {
            reached = workspace.credentialsFile.exists ? .unreachable : .notConnected
        }
        let fetched = choices
        return (try await Blocking.run { [workspace] in try workspace.setupDraft(choices: fetched) }, reached)
    }
}
