/// "Siden kunne ikke vises": the page in place of one that could not be
/// made, with what went wrong in the office's words and the error's code to
/// quote (the navigation leads on, as on every page).
///
/// ```swift
/// ErrorPage(failure: PanelFailure(error), language: .da).html
/// ```
struct ErrorPage {
    var failure: PanelFailure
    var language: PanelLanguage

    var html: String {
        let headline = failure.headline(language).map { "<strong>\(HTML.escape($0))</strong><br>" } ?? ""
        let body = "<p class=\"notice\" id=\"failure\">\(headline)<span class=\"detail\">\(HTML.escape(failure.detail(language)))</span></p>\n"
            + "<p id=\"failure-code\">\(HTML.escape(PanelText.errorCode.in(language))): <code>\(HTML.escape(failure.code))</code></p>\n"
        return HTML.page(title: PanelText.pageFailed.in(language), language: language, body: body)
    }
}
