import Economic
import EconomicWire
import TestSupport
import Testing

@Suite("Product numbers in paths: e-conomic's _N_ escaping")
struct ProductNumberEncodingTests {
    /// REFERENCE §2.9, in e-conomic's order: the character written as `_N_` is the N-th.
    static let table: [(Character, String)] = [
        ("<", "_0_"), (">", "_1_"), ("*", "_2_"), ("%", "_3_"), (":", "_4_"), ("&", "_5_"), ("/", "_6_"), ("\\", "_7_"),
        ("_", "_8_"), (" ", "_9_"), ("?", "_10_"), (".", "_11_"), ("#", "_12_"), ("+", "_13_"),
    ]

    @Test("each of the fourteen characters is written _N_ and read back, alone and between letters")
    func everyEscape() {
        #expect(ProductNumberEncoding.Escape.allCases.count == Self.table.count)
        for (character, code) in Self.table {
            #expect(ProductNumberEncoding.encode(String(character)) == code, "\(character)")
            #expect(ProductNumberEncoding.encode("A\(character)1") == "A\(code)1", "\(character)")
            #expect(ProductNumberEncoding.decode(code) == String(character), "\(code)")
            #expect(ProductNumberEncoding.decode("A\(code)1") == "A\(character)1", "\(code)")
        }
    }

    @Test("e-conomic's own example, and numbers that need nothing")
    func referenceExample() {
        #expect(ProductNumberEncoding.encode("My Awesome Product_Discount5%") == "My_9_Awesome_9_Product_8_Discount5_3_")
        #expect(ProductNumberEncoding.decode("My_9_Awesome_9_Product_8_Discount5_3_") == "My Awesome Product_Discount5%")
        #expect(ProductNumberEncoding.encode("500") == "500")
        #expect(ProductNumberEncoding.encode("ZZ-TEST~1") == "ZZ-TEST~1")
        #expect(ProductNumberEncoding.encode("VVS 1/2.5 #3 +moms_x:y") == "VVS_9_1_6_2_11_5_9__12_3_9__13_moms_8_x_4_y")
    }

    @Test("everything else is percent-encoded as UTF-8 with upper-case hex: quotes, Danish letters, emoji")
    func percentEncoded() {
        #expect(ProductNumberEncoding.encode(#""334420410410""#) == "%22334420410410%22", "as S7 recorded it")
        #expect(ProductNumberEncoding.encode("Rør Æ-ø å") == "R%C3%B8r_9_%C3%86-%C3%B8_9_%C3%A5")
        #expect(ProductNumberEncoding.encode("$(x),[y]!'@=;") == "%24%28x%29%2C%5By%5D%21%27%40%3D%3B")
        #expect(ProductNumberEncoding.encode("🔧5%") == "%F0%9F%94%A75_3_", "a % is _3_, never %25")
        #expect(ProductNumberEncoding.decode("R%C3%B8r_9_%c3%86") == "Rør Æ", "either case of hex is read")
        #expect(ProductNumberEncoding.decode("%22334420410410%22") == #""334420410410""#)
        #expect(ProductNumberEncoding.decode("A%5F8%5F") == "A_", "a percent-encoded escape is still an escape")
    }

    @Test("a segment that is not e-conomic's encoding names no product",
          arguments: ["A.1", "A 1", "A%201", "A%2E1", "A%25", "A_", "A_8", "_14_", "_99_", "_08_", "_-1_", "__", "_x_", "_1 _",
                      "%", "%4", "%G1", "%C3", "%FF%FE"])
    func strictDecoding(segment: String) {
        #expect(ProductNumberEncoding.decode(segment) == nil)
    }

    @Test("random product numbers over a nasty alphabet survive the round trip, and the segment is URL-safe")
    func roundTrip() {
        // Single characters, and runs that look like escapes already.
        let alphabet = "aZ09-~._ :/\\%#+?&*<>\"'$(),;=@[]!{}|^`æøåÆØÅé\u{301}ß€🔧\t".map(String.init)
            + ["_1_0", "_10_", "_8_", "%3", "%25", "%C3%B8", "__"]
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%")
        var random = TestRandom(seed: 11)
        for _ in 0..<2000 {
            let number = (0..<random.int(1...25)).map { _ in random.pick(alphabet) }.joined()
            let segment = ProductNumberEncoding.encode(number)
            #expect(segment.allSatisfy(safe.contains), "\(number) → \(segment)")
            #expect(!segment.contains("."), "a period never reaches the path")
            #expect(ProductNumberEncoding.decode(segment) == number, "\(number) → \(segment)")
        }
    }

    @Test("a record's path uses the product escaping for products only")
    func pathKeys() {
        #expect(PathKeyEncoding.productNumber.segment("VVS 1/2") == "VVS_9_1_6_2")
        #expect(PathKeyEncoding.percent.segment("VVS 1/2") == "VVS%201%2F2")
        #expect(PercentEncoding.encode("a b", hex: .lower) == "a%20b" && PercentEncoding.encode("ø", hex: .lower) == "%c3%b8")
    }
}
