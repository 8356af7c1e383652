import Foundation
import TestSupport
import Testing

/// `econsync --version`: what scripts and support requests quote.
@Suite("econsync --version")
struct VersionTests {
    @Test("prints the release as MAJOR.MINOR.PATCH and exits 0, with no replica needed")
    func version() throws {
        let cli = try CLI()
        let result = try cli.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.wholeMatch(of: /\d+\.\d+\.\d+/) != nil, "\(line)")
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("replica.sqlite").path))
    }
}
