import ArgumentParser
import Economic
import Foundation
import Workbench

extension Bench {
    /// `econsync bench panel`: the admin panel's overview on a big replica with a year of runs, read through the real server.
    struct PanelBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "panel",
            abstract: Speech.say(
                "Vis administrationspanelets overblik 100 gange gennem `econsync serve` på en stor replika; skriv medianen og p95.",
                "Render the admin panel's overview 100 times through `econsync serve` on a big replica; print the median and p95."),
            discussion: Examples.text("econsync bench panel", "econsync bench panel --customers 1000 --products 500 --hours 10000 --days 7", after: Speech.say("""
                Bygger en replika i en midlertidig mappe (genererede kunder, varer og timeregistreringer og en historik \
                med hver modulkørsel hvert 15. minut i --days dage frem til nu), starter `econsync serve` på den (denne \
                programfil, i sin egen proces), beder om GET / tre gange for at varme op og derefter --requests gange, \
                den ene efter den anden, hver tidsmålt fra forespørgsel til sidste byte. Mål (release-build): en median \
                under 50 ms.
                """, """
                Builds a replica in a temporary directory (generated customers, products and time entries, and a \
                history of every module run every 15 minutes for --days days up to now), starts `econsync serve` on it \
                (this executable, in a process of its own), asks for GET / three times to warm up, then --requests \
                times, one after another, each timed from request to the last byte. Goal (release build): a median \
                under 50 ms.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Kunder.", "Customers.")) var customers = 100_000
        @Option(help: .say("Varer.", "Products.")) var products = 50_000
        @Option(help: .say("Timeregistreringer.", "Time entries.")) var hours = 1_000_000
        @Option(help: .say(
            "Dage med kørselshistorik (8 moduler, en kørsel af hvert hvert 15. minut).",
            "Days of run history (8 modules, a run each every 15 minutes).")) var days = 365
        @Option(help: .say("Tidsmålte forespørgsler efter overblikket.", "Timed requests for the overview.")) var requests = 100

        struct Result: Encodable {
            var records: Int
            var moduleRuns: Int
            var buildSeconds: Double
            var requests: Int
            var medianMs: Double
            var p95Ms: Double
            var goalMs: Double
            var goalMet: Bool
        }

        func validate() throws {
            if customers < 0 || products < 0 || hours < 0 || days < 0 { throw ValidationError("--customers, --products, --hours and --days must be 0 or more") }
            if requests < 1 { throw ValidationError("--requests must be 1 or more") }
        }

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            if !output.json { print("building the replica: \(customers) customers, \(products) products, \(hours) time entries, \(days) days of runs …") }
            let built = try PanelFixture(customers: customers, products: products, hours: hours, days: days).build(at: directory, now: try GlobalOptions.clock()())
            let times = try await Self.timeOverview(directory: directory, requests: requests)
            let sorted = times.sorted()
            let median = times.median
            let p95 = sorted[max(0, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
            let result = Result(records: built.records, moduleRuns: built.moduleRuns, buildSeconds: built.seconds, requests: requests,
                                medianMs: median, p95Ms: p95, goalMs: 50, goalMet: median < 50)
            if output.json { return try Output.json(result) }
            print("replica: \(built.records) records and \(built.moduleRuns) module runs, built in \(String(format: "%.1f", built.seconds)) s")
            print(String(format: "overview (GET /): %d requests: median %.1f ms, p95 %.1f ms", requests, median, p95))
            print("goal (median < 50 ms): \(result.goalMet ? "met" : "NOT met")")
        }

        /// Starts `econsync serve` on `directory` and times `requests` reads of the overview, in milliseconds.
        static func timeOverview(directory: URL, requests: Int) async throws -> [Double] {
            let process = Process()
            process.executableURL = Bundle.main.executableURL
            process.arguments = ["serve", "--port", "0", "--data-dir", directory.path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer {
                process.terminate()
                process.waitUntilExit()
            }
            let line = firstLine(out.fileHandleForReading)
            guard line.hasPrefix("serving on ") else { throw CommandFailure("`econsync serve` did not start: \(line)") }
            let url = String(line.dropFirst("serving on ".count)) + "/"
            let transport = CurlTransport()
            var times: [Double] = []
            for index in 0..<(requests + 3) {
                let start = DispatchTime.now().uptimeNanoseconds
                let response = try await transport.send(HTTPRequest(method: "GET", url: url))
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                guard response.status == 200 else { throw CommandFailure("GET / answered \(response.status)") }
                if index >= 3 { times.append(milliseconds) }
            }
            return times
        }

        /// The first line `handle` gives (without its line break).
        static func firstLine(_ handle: FileHandle) -> String {
            var bytes: [UInt8] = []
            while let byte = handle.readData(ofLength: 1).first, byte != 0x0A { bytes.append(byte) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
