/// Tokens a browser carries and nobody can guess: the panel's CSRF tokens,
/// its session ids and the one-time links of a reconnect.
///
/// ```swift
/// RandomToken.make()   // 64 hex digits (256 random bits)
/// ```
enum RandomToken {
    /// 256 random bits from the system's generator, as 64 hex digits.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let text = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }
}
