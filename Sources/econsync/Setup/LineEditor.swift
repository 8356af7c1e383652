import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads an answer at a prompt. On a terminal the line can be edited (left
/// and right arrows, Backspace and Delete, Home and End, Ctrl-A and Ctrl-E) in
/// raw mode, set with termios for that line only and restored after it, on
/// Ctrl-C and on an interruption (``restoreTerminal()``); Ctrl-C is then the
/// interruption it would have been. When standard input or output is not a
/// terminal, lines are read as they come.
enum LineEditor {
    /// The terminal's mode before the line being edited, while one is.
    private static let saved = Mutex<termios?>(nil)

    /// The line typed, without its end; nil at the end of input.
    static func readLine() -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, enterRawMode() else {
            return Swift.readLine(strippingNewline: true)
        }
        defer { restoreTerminal() }
        return edit()
    }

    /// Puts the terminal back as it was before a line was edited (nothing when none is).
    static func restoreTerminal() {
        saved.withLock { mode in
            guard var original = mode else { return }
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            mode = nil
        }
    }

    /// Raw mode: each key as it is pressed, no echo, Ctrl-C a key; output and
    /// Enter (carriage return to line feed) as before. Input typed ahead is kept.
    private static func enterRawMode() -> Bool {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return false }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        saved.withLock { $0 = original }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else {
            saved.withLock { $0 = nil }
            return false
        }
        return true
    }

    /// The keys of one line, until Enter (the line), or Ctrl-D on an empty line or the end of input (nil).
    private static func edit() -> String? {
        var line = EditedLine()
        fflush(nil)
        while let byte = readByte() {
            let shown: String
            switch byte {
            case 0x0A, 0x0D:
                write("\n")
                return line.text
            case 0x03:
                interrupt()
            case 0x04:
                if line.text.isEmpty { return nil }
                shown = line.deleteForward()
            case 0x01: shown = line.home()
            case 0x05: shown = line.end()
            case 0x02: shown = line.left()
            case 0x06: shown = line.right()
            case 0x7F, 0x08: shown = line.deleteBackward()
            case 0x1B: shown = escape(&line)
            case 0x00..<0x20: shown = ""
            default:
                guard let character = character(startingWith: byte) else { continue }
                shown = line.insert(character)
            }
            write(shown)
        }
        return nil
    }

    /// The edit an escape sequence names: arrows, Home, End, Delete (ESC [ or ESC O); others are ignored.
    private static func escape(_ line: inout EditedLine) -> String {
        guard let introducer = readByte(), introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else { return "" }
        var parameter: [UInt8] = []
        while let byte = readByte() {
            if (0x30...0x3F).contains(byte) {
                parameter.append(byte)
                continue
            }
            switch (byte, String(decoding: parameter, as: UTF8.self)) {
            case (UInt8(ascii: "D"), _): return line.left()
            case (UInt8(ascii: "C"), _): return line.right()
            case (UInt8(ascii: "H"), _), (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): return line.home()
            case (UInt8(ascii: "F"), _), (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): return line.end()
            case (UInt8(ascii: "~"), "3"): return line.deleteForward()
            default: return ""
            }
        }
        return ""
    }

    /// The character whose UTF-8 encoding starts with `lead`, its other bytes read; nil when they do not make one.
    private static func character(startingWith lead: UInt8) -> Character? {
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0 else { return nil }
        var bytes = [lead]
        while bytes.count < length, let next = readByte() { bytes.append(next) }
        guard let text = String(validating: bytes, as: UTF8.self), let character = text.first else { return nil }
        return character
    }

    /// Ctrl-C: the terminal as it was, then the interruption it is outside raw
    /// mode (the command's ``Interruption`` says what was kept and exits 130).
    private static func interrupt() -> Never {
        restoreTerminal()
        // To the process, as Ctrl-C outside raw mode would be (a signal raised on this thread alone is
        // not seen by the interruption's signal source); its handler ends the process from its own queue.
        kill(getpid(), SIGINT)
        sleep(5)
        exit(Interruption.exitCode)
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private static func write(_ text: String) {
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = Glibc.write(STDOUT_FILENO, &bytes[done], bytes.count - done)
            if count <= 0 { return }
            done += count
        }
    }
}
