/// The line being typed at a prompt and where the cursor is in it, with the
/// edits ``LineEditor`` maps keys to. Each edit returns what to write to the
/// terminal so that it shows the line as it now is (the cursor moves by one
/// column a character).
///
/// ```swift
/// var line = EditedLine()
/// _ = line.insert("a"); _ = line.insert("c"); _ = line.left(); _ = line.insert("b")
/// line.text   // "abc", the cursor after "b"
/// ```
struct EditedLine {
    private(set) var characters: [Character] = []
    /// The cursor's place: how many characters are before it.
    private(set) var cursor = 0

    var text: String { String(characters) }

    /// Types `character` at the cursor.
    mutating func insert(_ character: Character) -> String {
        characters.insert(character, at: cursor)
        cursor += 1
        return String(character) + rest(clearing: false)
    }

    /// Removes the character before the cursor (Backspace).
    mutating func deleteBackward() -> String {
        guard cursor > 0 else { return "" }
        cursor -= 1
        characters.remove(at: cursor)
        return Self.back(1) + rest(clearing: true)
    }

    /// Removes the character under the cursor (Delete).
    mutating func deleteForward() -> String {
        guard cursor < characters.count else { return "" }
        characters.remove(at: cursor)
        return rest(clearing: true)
    }

    mutating func left() -> String {
        guard cursor > 0 else { return "" }
        cursor -= 1
        return Self.back(1)
    }

    mutating func right() -> String {
        guard cursor < characters.count else { return "" }
        cursor += 1
        return Self.forward(1)
    }

    /// To the start of the line (Home, Ctrl-A).
    mutating func home() -> String {
        defer { cursor = 0 }
        return Self.back(cursor)
    }

    /// To the end of the line (End, Ctrl-E).
    mutating func end() -> String {
        defer { cursor = characters.count }
        return Self.forward(characters.count - cursor)
    }

    /// The characters from the cursor on, the line's old end cleared when
    /// `clearing`, and the cursor put back where it is.
    private func rest(clearing: Bool) -> String {
        let after = characters[cursor...]
        return String(after) + (clearing ? "\u{1B}[K" : "") + Self.back(after.count)
    }

    private static func back(_ columns: Int) -> String { columns > 0 ? "\u{1B}[\(columns)D" : "" }
    private static func forward(_ columns: Int) -> String { columns > 0 ? "\u{1B}[\(columns)C" : "" }
}
