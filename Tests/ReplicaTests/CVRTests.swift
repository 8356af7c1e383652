import Testing
@testable import Replica
import Workbench

@Suite("CVR numbers")
struct CVRTests {
    @Test("valid numbers pass the modulus-11 check", arguments: ["13748136", "29403473", "10150817", "25313763"])
    func valid(_ number: String) {
        #expect(CVR.problem(with: number) == nil)
    }

    @Test("each kind of bad number gets its own reason", arguments: [
        ("13748137", "modulus-11"), ("1374813", "exactly 8 digits"), ("137481366", "exactly 8 digits"),
        ("1374813a", "exactly 8 digits"), ("03748136", "never starts with 0"), ("", "exactly 8 digits"),
        ("１３７４８１３６", "exactly 8 digits"),
    ])
    func invalid(_ number: String, reason: String) throws {
        let problem = try #require(CVR.problem(with: number))
        #expect(problem.description.contains(reason))
    }

    @Test("the check digit completes any seven digits whose remainder is not 1")
    func checkDigit() {
        #expect(CVR.checkDigit(for: [1, 3, 7, 4, 8, 1, 3]) == 6)  // Erhvervsstyrelsen's worked example
        var random = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            let first7 = [random.int(1...9)] + (0..<6).map { _ in random.int(0...9) }
            let sum = zip(first7, CVR.weights).reduce(0) { $0 + $1.0 * $1.1 }
            if let digit = CVR.checkDigit(for: first7) {
                #expect(CVR.isValid((first7 + [digit]).map(String.init).joined()))
            } else {
                #expect(sum % 11 == 1)
            }
        }
    }

    @Test("normalisation drops spaces and a DK prefix")
    func normalised() {
        #expect(CVR.normalized("DK 1374 8136") == "13748136")
        #expect(CVR.normalized("dk13748136") == "13748136")
    }
}
