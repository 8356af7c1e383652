import Sync
import Vocabulary

/// The question before a forced run ("Tving"): a module inside its cooldown
/// runs only when the office confirms it, on a page of its own (no script needed).
struct ForcePage {
    var module: Module
    var language: PanelLanguage
    var csrf: String

    var html: String {
        let name = HTML.escape(PanelText.module(module, language))
        let body = """
            <p id="question">\(HTML.escape(PanelText.forceQuestion.in(language))) <strong>\(name)</strong></p>
            <form method="post" action="/sync/\(module.rawValue)?lang=\(language.rawValue)">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <input type="hidden" name="force" value="1">
            <button type="submit" id="confirm">\(HTML.escape(PanelText.forceConfirm.in(language)))</button>
            <a href="/?lang=\(language.rawValue)">\(HTML.escape(PanelText.cancel.in(language)))</a>
            </form>
            """
        return HTML.page(title: PanelText.force.in(language), language: language, body: body)
    }
}
