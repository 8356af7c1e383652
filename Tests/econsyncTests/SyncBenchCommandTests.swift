import Foundation
import Testing

/// `econsync bench sync` on tiny sizes: the shape of what it prints and how
/// the ratio is read from its rounds, not its figures (no timed test).
@Suite("econsync bench sync")
struct SyncBenchCommandTests {
    @Test("measures the pull alone and a first sync in each round, then the quiet and the changed sync; the ratio is the rounds' median")
    func rounds() throws {
        let cli = try CLI()
        let result = try cli.run(["bench", "sync", "--customers", "30", "--products", "10", "--rounds", "2", "--json"], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["name"] as? String } == [
            "pull only (a full snapshot, not stored), round 1", "first sync, round 1",
            "pull only (a full snapshot, not stored), round 2", "first sync, round 2",
            "sync, nothing changed", "sync, 1% changed on each side",
        ])
        let seconds = steps.compactMap { $0["seconds"] as? Double }
        let ratio = try #require(json["firstSyncRatio"] as? [String: Any])
        let rounds = try #require(ratio["rounds"] as? [Double])
        #expect(rounds.count == 2)
        for (round, measured) in rounds.enumerated() {
            #expect(abs(measured - seconds[2 * round + 1] / seconds[2 * round]) < 1e-9, "round \(round + 1): \(measured)")
        }
        #expect(abs(try #require(ratio["median"] as? Double) - (rounds[0] + rounds[1]) / 2) < 1e-9)
        // Each round starts from nothing: its first sync pulls as many pages as its pull alone.
        let calls = steps.compactMap { $0["apiCalls"] as? Int }
        #expect(calls[0] == calls[2] && calls[1] == calls[3] && calls[1] == calls[0], "\(calls)")
    }

    @Test("the table ends with the median against the 1.5 goal; --rounds below 1 is refused before anything runs")
    func printedAndRefused() throws {
        let cli = try CLI()
        let result = try cli.run(["bench", "sync", "--customers", "20", "--products", "5", "--rounds", "3"], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        let pattern = /first sync \/ pull alone: median (\d+\.\d\d) of (\d+\.\d\d), (\d+\.\d\d), (\d+\.\d\d) \(sync CPU: \d+\.\d\d\); goal ≤ 1\.5: (met|NOT met)/
        let match = try #require(try pattern.wholeMatch(in: last), "\(last)")
        let rounds = [match.2, match.3, match.4].compactMap { Double($0) }.sorted()
        #expect(Double(match.1) == rounds[1], "the middle of three: \(last)")
        #expect((match.5 == "met") == (rounds[1] <= 1.5), "\(last)")

        let refused = try cli.run(["bench", "sync", "--rounds", "0"])
        #expect(refused.status != 0 && refused.stderr.contains("--rounds must be 1 or more") && refused.stdout.isEmpty, "\(refused.stderr)")
    }
}
