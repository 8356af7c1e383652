import Foundation
import Replica
import TestSupport
import Testing

extension ChaosTests {
    /// Command lines and import lines from a seeded generator: bad JSON, wrong
    /// types, sizes, encodings, control characters. No crash, no hang, a clear
    /// message on every refusal, and nothing changed by one.
    @Suite("Chaos: fuzzing")
    struct FuzzTests {
        static let probes = Chaos.size(short: 120, whole: 3000)

        /// Values that have hurt command-line tools before.
        static let values: [String] = [
            "", "-1", "0", "1", "7.5", "1e300", "-1e300", "NaN", "inf", "99999999999999999999999", "0x10", "12345678", "13748136",
            "æøå ÆØÅ", "Hansen VVS ApS", "\u{1b}[31mrød\u{1b}[0m", "a\tb", "a\u{7}b", "a\u{7f}b", "\u{202e}gnp.exe", "😀", "../../etc/passwd",
            "/dev/null", String(repeating: "x", count: 5000), "--", "-", "--json", "'; DROP TABLE customers; --", "e:1", "n:10002",
            "local:1", "e:999999", "2026-13-45", "2026-11-02", "2026-02-30", #"{"kind":1}"#, "$navn", "%s%s%n", "\r\n",
        ]

        /// A command line: a valid one with some of its values replaced by ones from ``values``.
        static func commandLine(_ random: inout TestRandom, files: URL) throws -> [String] {
            func fuzz(_ valid: [String]) -> [String] {
                valid.map { $0.hasPrefix("--") || !random.chance(0.3) ? $0 : random.pick(values) }
            }
            switch random.int(0...11) {
            case 0: return fuzz(["local", "customer", "add", "--name", "Fuzz ApS", "--cvr", "13748136", "--city", "Aarhus"])
            case 1: return fuzz(["local", "customer", "edit", "e:1001", "--name", "Fuzz A/S"])
            case 2: return fuzz(["local", "hours", "record", "--employee", "e:1", "--project", "e:2", "--type", "e:1", "--hours", "7.5",
                                 "--date", "2026-11-20"])
            case 3: return fuzz(["local", "hours", random.pick(["approve", "unapprove"]), "1", "--by", "formand"])
            case 4: return fuzz(["local", "product", "add", "--number", "FZ-\(random.int(1...999))", "--name", "Fuzz", "--sales-price", "10",
                                 "--unit", "e:1", "--group", "e:1"])
            case 5: return fuzz(["config", "set", random.pick(["smtp.to", "schedule.cooldown", "orders.hoursText", "customers.master"]), "15"])
            case 6, 7:
                let file = files.appendingPathComponent("fuzz-\(random.next()).ndjson")
                let lines = (0..<random.int(1...4)).map { _ in importLine(&random) }
                try Data(lines.joined(separator: random.pick(["\n", "\r\n", "\n\n"])).utf8).write(to: file)
                return ["local", "import", file.path]
            case 8:
                let file = files.appendingPathComponent("fuzz-\(random.next()).ndjson.gz")
                try Data((0..<random.int(0...300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: file)
                return ["snapshot", random.pick(["verify", "show", "stats", "import"]), file.path]
            case 9: return fuzz(["order", "export", "--project", "e:2", "--dry-run"])
            case 10: return fuzz(["local", random.pick(["customer", "project", "product", "employee", "hours", "materials"]), "list"])
            default: return [random.pick(values), random.pick(values)]
            }
        }

        /// An import line: a valid one, mutated.
        static func importLine(_ random: inout TestRandom) -> String {
            let valid = [
                #"{"kind":"customer","data":{"name":"Fuzz ApS","cvr":"13748136","city":"Aarhus"}}"#,
                #"{"kind":"timeEntry","data":{"employee":"e:1","project":"e:2","hourType":"e:1","date":"2026-11-20","hours":2,"note":"Fuzz"}}"#,
                #"{"kind":"product","data":{"number":"FZ-1","name":"Fuzz","salesPrice":10,"unit":"e:1","productGroup":"e:1"}}"#,
                #"{"kind":"material","data":{"product":"n:10002","project":"e:2","date":"2026-11-20","quantity":3}}"#,
            ]
            var line = random.pick(valid)
            let replacements = ["\"\\u0000\"", "\"\\u001b[2J\"", "1e300", "-5", "null", "[]", "{}", "\"yesterday\"", "\"\(String(repeating: "é", count: 300))\"",
                                "true", "\"e:99999\"", "\"2026-02-30\"", "\"\\ud800\""]
            switch random.int(0...5) {
            case 0: line = String(line.prefix(random.int(0...line.count)))
            case 1: line = line.replacingOccurrences(of: random.pick(["\"Fuzz\"", "2", "\"e:1\"", "\"2026-11-20\"", "10", "3", "\"13748136\""]),
                                                     with: random.pick(replacements))
            case 2: line = line.replacingOccurrences(of: "\"data\"", with: random.pick(["\"dat\"", "\"data\":{},\"data\"", "\"DATA\""]))
            case 3: line = line.replacingOccurrences(of: "}}", with: ",\"approvedAt\":\(random.pick(replacements + ["\"2026-11-28T10:00:00Z\""]))}}")
            case 4: line = String(decoding: Array(line.utf8).map { random.chance(0.03) ? UInt8(truncatingIfNeeded: random.next()) : $0 }, as: UTF8.self)
            default: break
            }
            return line
        }

        /// What a refusal must leave as it was.
        static func state(_ home: URL) throws -> [String] {
            let replica = try ReplicaStore.open(at: home.appendingPathComponent(ReplicaStore.fileName), readOnly: true)
            return [String(try replica.latestChangeSequence())] + (try replica.settings()).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        }

        @Test("seeded command lines and import lines: no crash, no hang, a clear message, nothing changed by a refusal")
        func fuzz() async throws {
            try await ConnectedCLI.with { connected in
                var random = TestRandom(seed: 1616)
                var tally = Chaos.Tally("fuzzing")
                var statuses: [Int32: Int] = [:]
                var before = try Self.state(connected.cli.home)
                for _ in 0..<Self.probes {
                    let arguments = try Self.commandLine(&random, files: connected.cli.outside)
                    let shown = arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }.joined(separator: " ").debugDescription
                    let result = try await connected.run(arguments, timeout: 120)
                    statuses[result.status, default: 0] += 1
                    let output = result.stdout + result.stderr
                    let after = try Self.state(connected.cli.home)
                    var defect: String?
                    if result.timedOut {
                        defect = "\(shown): hung"
                    } else if result.signalled || !(0...5).contains(result.status) {
                        defect = "\(shown): crashed (status \(result.status))"
                    } else if result.status != 0 && result.stderr.isEmpty && result.stdout.isEmpty {
                        defect = "\(shown): refused without a word"
                    } else if ["NSCocoaErrorDomain", "Fatal error", "SQLite error", "Swift/"].contains(where: output.contains) {
                        defect = "\(shown): raw error text: \(output.prefix(300))"
                    } else if output.contains("\u{1b}") {
                        defect = "\(shown): a raw escape character reached the terminal"
                    } else if result.status != 0 && after != before {
                        defect = "\(shown): refused (exit \(result.status)) but changed the replica"
                    }
                    tally.probe(defect)
                    before = after
                }
                let check = try await connected.run(["local", "check"])
                tally.probe(check.status == 0 ? nil : "local check after fuzzing: \(check.stdout)\(check.stderr)")
                tally.report("exits \(statuses.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " "))")
            }
        }
    }
}
