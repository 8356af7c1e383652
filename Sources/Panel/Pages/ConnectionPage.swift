import Economic
import Replica
import Sync

/// "Forbindelse": which e-conomic agreement econsync is connected to, and
/// since when; "Token udløbet" when a module stopped for it; "Forbind igen"
/// through e-conomic's grant page (back to this page afterwards), and
/// "Afbryd forbindelsen", which asks first. No token is ever shown.
struct ConnectionPage {
    var connection: CredentialsFile.Connection?
    /// Whether a module stopped for an expired token.
    var tokenExpired: Bool
    /// What the last action did, said above the rest.
    var notice: PanelText?
    var csrf: String
    var language: PanelLanguage

    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        var body = notice.map { "<p class=\"notice\" id=\"connection-notice\">\(text($0))</p>\n" } ?? ""
        guard let connection else {
            body += "<p id=\"not-connected\">\(text(.notConnected))</p>\n"
            return HTML.page(title: PanelText.connection.in(language), language: language, body: body)
        }
        let company = connection.companyName.map { " (\(HTML.escape($0)))" } ?? ""
        body += "<p id=\"connected\">\(text(.connectedTo)) \(connection.agreementNumber)\(company), "
            + "\(text(.connectedSince)) \(HTML.escape(LocalTime.string(connection.connectedAt)))</p>\n"
        if tokenExpired {
            body += "<p class=\"state-needs-reconnect\" id=\"token-expired\">\(HTML.escape(PanelText.headline(.needsReconnect, language)))</p>\n"
        }
        body += "<form method=\"post\" action=\"/connection/reconnect?lang=\(language.rawValue)\" id=\"reconnect\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><button type=\"submit\">\(text(.reconnect))</button></form>\n"
            + "<p class=\"remedy\">\(text(.reconnectHelp))</p>\n"
            + "<p><a href=\"/connection/disconnect?lang=\(language.rawValue)\" id=\"disconnect\">\(text(.disconnect))…</a></p>\n"
        return HTML.page(title: PanelText.connection.in(language), language: language, body: body)
    }

    /// The question before a disconnect, with the form that does it.
    static func disconnectQuestion(csrf: String, language: PanelLanguage) -> String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        let body = "<p id=\"question\">\(text(.disconnectQuestion))</p>\n"
            + "<form method=\"post\" action=\"/connection/disconnect?lang=\(language.rawValue)\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><button type=\"submit\" id=\"confirm\">\(text(.disconnect))</button> "
            + "<a href=\"/connection?lang=\(language.rawValue)\">\(text(.cancel))</a></form>\n"
        return HTML.page(title: PanelText.disconnect.in(language), language: language, body: body)
    }

    /// The way on to e-conomic's grant page at `url`: at once (a refresh, no
    /// script), with the link for a browser that does not follow it.
    static func onToEconomic(_ url: String, language: PanelLanguage) -> String {
        let link = HTML.escape(url)
        let body = "<meta http-equiv=\"refresh\" content=\"0; url=\(link)\">\n"
            + "<p><a id=\"to-economic\" href=\"\(link)\">\(HTML.escape(PanelText.onToEconomic.in(language)))</a></p>\n"
        return HTML.page(title: PanelText.reconnect.in(language), language: language, body: body)
    }

    /// A page saying what went wrong (`title`) and the error's own words.
    static func problem(_ title: PanelText, _ detail: String, language: PanelLanguage) -> String {
        HTML.page(title: title.in(language), language: language,
                  body: "<p id=\"problem\">\(HTML.escape(detail))</p>\n<p><a href=\"/connection?lang=\(language.rawValue)\">\(HTML.escape(PanelText.connection.in(language)))</a></p>\n")
    }
}
