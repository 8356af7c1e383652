import Reconcile
import Sync
import Testing
import Vocabulary

/// A refused setting carried as data: worded in Danish by the shared
/// catalogue, in English as it always was, with the same code and remedy.
@Suite("refused settings in words")
struct ConfigErrorWordingTests {
    /// One of every setting problem.
    static let problems: [SettingProblem] = [
        .notEither("true", "false"), .notOneOf(["none", "type"]), .notWholeNumber(1...Int.max), .notWholeNumber(15...1440),
        .notGroupNumber(.product), .notGroupNumber(.project), .empty, .tooLong(max: 250), .notSMTPAddress, .notEmailAddress,
        .notEmailAddresses, .notUTCTime, .template(.loneDollarAtEnd(template: "Pris $")),
        .template(.loneDollar(before: " 5", template: "Pris $ 5")), .template(.unknownVariable("nvan", template: "$nvan")),
    ]

    /// One of every configuration problem.
    static let errors: [ConfigError] = [
        ConfigError(.unknownSetting("orders.groupin", guess: "orders.grouping")), ConfigError(.unknownSetting("x", guess: nil)),
        ConfigError(.value(setting: "orders.grouping", value: "weekly", .notOneOf(["none", "type"]))),
        ConfigError(.notAnObject, source: "kontor.json"), ConfigError(.notAValue(setting: "orders.grouping"), source: "kontor.json"),
        ConfigError(.passwordFileInDataDirectory("/d/pw")), ConfigError(.passwordFileMissing("/d/pw")),
        ConfigError(.passwordFileOpen("/d/pw", mode: 0o100644)), ConfigError(.passwordFileUnreadable("/d/pw")),
        ConfigError(.smtpUnusable("smtp.url has no host")),
    ]

    /// English words that a Danish text must not contain.
    static let english = ["must", "setting", " not ", "cannot", " or ", "got", "lone", "unknown", "variable"]

    @Test("every setting problem has Danish words of its own, and English is its description")
    func problems() {
        for problem in Self.problems {
            #expect(problem.words(.en) == problem.description)
            let danish = problem.words(.da)
            #expect(danish != problem.description && !Self.english.contains { danish.contains($0) }, "\(problem): \(danish)")
        }
    }

    @Test("every configuration error is worded in Danish, its English message unchanged, naming the file it came from and keeping its code and remedy")
    func errors() {
        for error in Self.errors {
            #expect(error.message(.en) == error.message)
            let danish = error.message(.da)
            #expect(danish != error.message && !Self.english.contains { danish.contains($0) }, "\(error.problem): \(danish)")
            if let source = error.source { #expect(danish.hasPrefix(source + ": ") && error.message.hasPrefix(source + ": ")) }
        }
        let unknown = Self.errors[0]
        #expect(unknown.code == .unknownSetting && unknown.remedy == .listSettings)
        #expect(unknown.message == "unknown setting \"orders.groupin\" (did you mean \"orders.grouping\"?)")
        #expect(unknown.message(.da) == "ukendt indstilling \"orders.groupin\" (mente du \"orders.grouping\"?)")
        #expect(Self.errors[2].code == .invalidValue && Self.errors[2].remedy == nil)
        #expect(Self.errors[3].code == .invalidFile)
        #expect(Self.errors[7].message(.da).contains("(rettigheder 644)") && Self.errors[7].message.contains("(mode 644)"))
    }

    @Test("a setting's check gives the problem as data: the template's, a flag's, a range's")
    func checks() throws {
        #expect(try ConfigKey.named("orders.hoursText").check("$nvan") == .template(.unknownVariable("nvan", template: "$nvan")))
        #expect(try ConfigKey.named("orders.exportHours").check("ja") == .notEither("true", "false"))
        #expect(try ConfigKey.named("schedule.interval").check("5") == .notWholeNumber(15...1440))
        #expect(try ConfigKey.named("orders.grouping").check("type") == nil)
        let refused = #expect(throws: ConfigError.self) { try ConfigKey.check("smtp.from", "kontor") }
        #expect(refused?.problem == .value(setting: "smtp.from", value: "kontor", .notEmailAddress))
    }
}
