import ArgumentParser
import Foundation

/// `--wide`, for commands that print a table: by default a table fits 80
/// columns (the terminal's width when standard output is one), its widest
/// text columns cut with `…`; `--wide` prints every column whole.
struct TableOptions: ParsableArguments {
    @Flag(help: .say(
        "Skriv tabeller hele, uanset bredden (standard: de tilpasses 80 kolonner eller terminalen).",
        "Print tables whole, however wide (default: fit 80 columns, or the terminal)."))
    var wide = false

    /// The width tables fit, nil for `--wide`.
    var width: Int? {
        wide ? nil : Self.terminalWidth ?? 80
    }

    /// The terminal's width when standard output is a terminal.
    static var terminalWidth: Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return nil }
        return Int(size.ws_col)
    }
}
