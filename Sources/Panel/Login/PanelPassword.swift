import Foundation

/// The panel's password, read from a file only its owner may read
/// (`--password-file`). It is never printed: its description hides it, and
/// every error names the file, not what is in it.
///
/// ```swift
/// let password = try PanelPassword(file: "/etc/econsync/panel-password")
/// password.matches("guess")   // compared in constant time
/// ```
public struct PanelPassword: Sendable, CustomStringConvertible, CustomReflectable {
    /// Why a password file is refused.
    public enum Refusal: Error, CustomStringConvertible, Equatable {
        case unreadable(String)
        case readableByOthers(String, mode: String)
        case empty(String)

        public var description: String {
            switch self {
            case .unreadable(let path): "--password-file \(path) cannot be read"
            case .readableByOthers(let path, let mode):
                "--password-file \(path) may be read by others (mode \(mode)): make it the owner's only, e.g. chmod 600 \(path)"
            case .empty(let path): "--password-file \(path) is empty: write the panel's password in it"
            }
        }
    }

    private let bytes: [UInt8]

    /// The password in `path`, without its trailing line break; refused when the
    /// group or others may read or write the file, or when it holds no password.
    public init(file path: String) throws(Refusal) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path) }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else { throw .readableByOthers(path, mode: String(mode, radix: 8)) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        var bytes = Array(data)
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty else { throw .empty(path) }
        self.bytes = bytes
    }

    /// Whether `guess` is the password; the time taken depends on the guess's
    /// length only, not on how much of it is right.
    public func matches(_ guess: String) -> Bool {
        let guess = Array(guess.utf8)
        var difference = UInt8(guess.count == bytes.count ? 0 : 1)
        for index in 0..<guess.count {
            difference |= guess[index] ^ bytes[index % bytes.count]
        }
        return difference == 0
    }

    public var description: String { "PanelPassword(hidden)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
