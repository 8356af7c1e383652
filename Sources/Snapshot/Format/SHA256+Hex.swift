import Crypto

/// SHA-256 digests as econsync writes them: lowercase hex.
///
/// ```swift
/// Digest.sha256(Array("abc".utf8))   // "ba7816bf…"
/// ```
public enum Digest {
    /// The SHA-256 of `bytes`, lowercase hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hex(bytes)
    }
}

extension SHA256 {
    /// The SHA-256 of `bytes`, lowercase hex.
    static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hex
    }
}

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hex.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in self {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
