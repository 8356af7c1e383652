import Foundation

/// Compares output with a golden file: `UPDATE_GOLDEN=1` rewrites the file
/// instead; otherwise the first differing line, for a test to report.
///
/// ```swift
/// if let problem = try GoldenComparison.compare(output, with: url) { Issue.record(Comment(rawValue: problem)) }
/// ```
public enum GoldenComparison {
    /// Nil when `actual` matches the file at `url` (or was written to it); else what differs.
    public static func compare(_ actual: String, with url: URL) throws -> String? {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden file \(url.path) is missing; UPDATE_GOLDEN=1 writes it"
        }
        guard actual != expected else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        return """
            output differs from \(url.lastPathComponent) at line \(first + 1) (UPDATE_GOLDEN=1 rewrites it):
            expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
            actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
            """
    }
}
