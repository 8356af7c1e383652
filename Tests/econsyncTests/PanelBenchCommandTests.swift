import Foundation
import Testing

/// `econsync bench panel` on tiny sizes: the shape of what it prints, not its figures (no timed test).
@Suite("econsync bench panel")
struct PanelBenchCommandTests {
    @Test("builds the replica with a run history (8 modules every 15 minutes), reads the overview through `econsync serve` and prints the median and p95 against the 50 ms goal")
    func shape() throws {
        let cli = try CLI()
        let result = try cli.run(["bench", "panel", "--customers", "20", "--products", "10", "--hours", "50", "--days", "2", "--requests", "5"], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stdout)")
        // Two days of a run every 15 minutes for each of the 8 modules: 2 · 96 · 8.
        #expect(lines.contains { $0.hasPrefix("replica: ") && $0.contains(" records and 1536 module runs, built in ") }, "\(result.stdout)")
        let timing = try #require(lines.first { $0.hasPrefix("overview (GET /): 5 requests: median ") }, "\(result.stdout)")
        let figures = timing.dropFirst("overview (GET /): 5 requests: median ".count).split(separator: " ").compactMap { Double($0) }
        #expect(figures.count == 2 && figures[0] > 0 && figures[0] <= figures[1], "median, then p95 (not less): \(timing)")
        #expect(lines.last == "goal (median < 50 ms): met" || lines.last == "goal (median < 50 ms): NOT met", "\(result.stdout)")
    }
}
