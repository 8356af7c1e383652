/// "Log ind": the password form a panel with `--password-file` shows before
/// anything else, with what went wrong with the last try.
struct LoginPage {
    /// Why the last try did not log in.
    enum Problem: Equatable {
        case wrongPassword(wait: Int)
        case tooSoon(wait: Int)
    }

    var language: PanelLanguage
    /// The token the form carries (the panel's own: there is no session yet).
    var csrf: String
    var problem: Problem?

    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        var body = ""
        switch problem {
        case .wrongPassword(let wait): body += "<p class=\"notice\" id=\"login-problem\">\(text(.wrongPassword)) \(waitText(wait))</p>\n"
        case .tooSoon(let wait): body += "<p class=\"notice\" id=\"login-problem\">\(text(.tooManyAttempts)) \(waitText(wait))</p>\n"
        case nil: break
        }
        body += """
            <form method="post" action="/login?lang=\(language.rawValue)" id="login">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <label for="password">\(text(.password))</label>
            <input type="password" name="password" id="password" autocomplete="current-password" required autofocus>
            <button type="submit" id="log-in">\(text(.logIn))</button>
            </form>

            """
        return HTML.page(title: PanelText.logIn.in(language), language: language, body: body)
    }

    /// "Prøv igen om 2 sekunder." ("1 sekund": one second is one).
    func waitText(_ seconds: Int) -> String {
        HTML.escape("\(PanelText.tryAgainIn.in(language)) \(seconds) \((seconds == 1 ? PanelText.second : .seconds).in(language)).")
    }

    /// "Log ud?": the page the navigation's "Log ud" leads to, whose button ends the session.
    static func logoutQuestion(csrf: String, language: PanelLanguage) -> String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        let body = """
            <form method="post" action="/logout?lang=\(language.rawValue)" id="logout">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <button type="submit" id="log-out">\(text(.logOut))</button>
            <a href="/?lang=\(language.rawValue)">\(text(.cancel))</a>
            </form>

            """
        return HTML.page(title: PanelText.logOut.in(language), language: language, body: body)
    }
}
