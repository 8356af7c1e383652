import Foundation

/// The argument parser's own words in Danish: its help headings and standard
/// options, and its refusals of a command line (a missing argument, an
/// unknown option, a value it cannot read). The parser has no languages, so
/// its fixed English phrases are reworded here, line by line; what econsync
/// itself wrote (help texts, its own refusals) is Danish already and passes
/// unchanged, as does anything the parser says that is not listed.
///
/// ```swift
/// ParserText.danish("Missing expected argument '--name <name>'")
/// // mangler argumentet '--name <name>'
/// ParserText.danish("USAGE: econsync status [--json]")
/// // BRUG:  econsync status [--json]
/// ```
enum ParserText {
    /// `text` (help, or a refusal with its usage lines) with the parser's phrases in Danish.
    static func danish(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line($0) }.joined(separator: "\n")
    }

    /// A line starting with one of these: the start reworded (headings keep their width, so the
    /// parser's hanging indent still lines up).
    static let starts: [(String, String)] = [
        ("OVERVIEW: ", "OVERSIGT: "), ("USAGE: ", "BRUG:  "), ("Usage: ", "Brug:  "), ("Help:  ", "Hjælp: "),
        ("OPTIONS:", "TILVALG:"), ("ARGUMENTS:", "ARGUMENTER:"), ("SUBCOMMANDS:", "UNDERKOMMANDOER:"),
        ("Missing expected argument ", "mangler argumentet "), ("Missing value for ", "mangler en værdi til "),
        ("Missing one of: ", "mangler en af: "), ("Missing required subcommand.", "mangler en underkommando."),
        ("Unknown option ", "ukendt tilvalg "), ("Unexpected argument ", "uventet argument "),
        ("Invalid option: ", "ugyldigt tilvalg: "), ("The value ", "værdien "), ("The option ", "tilvalget "),
        ("Value to be set with ", "værdien til "),
    ]

    /// Phrases inside a line, reworded wherever they are.
    static let phrases: [(String, String)] = [
        ("Show subcommand help information.", "Vis hjælp til en underkommando."),
        ("Show help information.", "Vis hjælp."), ("Show the version.", "Vis versionen."),
        ("' is invalid for '", "' er ugyldig til '"), ("' is invalid.", "' er ugyldig."),
        ("' does not take any value, but '", "' tager ingen værdi, men '"), ("' was specified.", "' blev angivet."),
        (" had already been set with ", " var allerede sat med "), (" unexpected arguments: ", " uventede argumenter: "),
        (". Did you mean '", ". Mente du '"),
        (". Please provide one of the following:", ". Angiv en af disse:"), (". Please provide one of ", ". Angiv en af "),
        ("(values: ", "(værdier: "), ("(default: ", "(standard: "), ("; default: ", "; standard: "),
        ("default as flag: ", "standard som flag: "),
        ("' for more information.", "' for mere hjælp."), (" <subcommand>' for detailed help.", " <underkommando>' for udførlig hjælp."),
        (" <subcommand>", " <underkommando>"),
    ]

    private static func line(_ line: Substring) -> String {
        var text = String(line)
        if let (english, danish) = starts.first(where: { text.hasPrefix($0.0) }) {
            text = danish + text.dropFirst(english.count)
        }
        if text.hasPrefix("  See '") { text = "  Se '" + text.dropFirst("  See '".count) }
        for (english, danish) in phrases where text.contains(english) {
            text = text.replacingOccurrences(of: english, with: danish)
        }
        return text
    }
}
