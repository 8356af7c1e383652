/// The closest of some names to a mistyped one, for "did you mean …?".
///
/// ```swift
/// Nearest.name(to: "orders.layot", among: ["orders.layout", "orders.grouping"])   // "orders.layout"
/// ```
public enum Nearest {
    /// The name among `names` fewest single-character edits (ignoring case)
    /// away from `typed`, if it is close enough to be what was meant: at most
    /// two edits, and fewer than a third of the name; nil when `typed` is that name.
    public static func name(to typed: String, among names: some Sequence<String>) -> String? {
        let wanted = Array(typed.lowercased())
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = edits(wanted, Array(name.lowercased()))
            if distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        guard let best, best.name != typed, best.distance <= 2, best.distance * 3 < max(wanted.count, 1) else { return nil }
        return best.name
    }

    /// Edits between `a` and `b`: insertions, deletions, substitutions and
    /// swaps of two neighbours (`statsu` is one edit from `status`).
    static func edits(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var before = [Int](), previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
                if i > 0, j > 0, x == b[j - 1], a[i - 1] == y {
                    current[j + 1] = min(current[j + 1], before[j - 1] + 1)
                }
            }
            (before, previous) = (previous, current)
        }
        return previous[b.count]
    }
}
