import Foundation
import Sync

/// Asks the setup wizard's questions on the terminal: each with what is
/// proposed in brackets (Enter takes it), e-conomic's choices listed, and an
/// answer that does not fit asked again with the reason.
struct Prompter {
    func say(_ text: String) {
        print(text)
    }

    /// One line of input after `prompt [current]: `; nil for an empty answer.
    func line(_ prompt: String, current: String?) throws -> String? {
        print("\(prompt)\(current.map { " [\($0)]" } ?? ""): ", terminator: "")
        fflush(nil)
        guard let answer = LineEditor.readLine() else {
            throw CommandFailure(Speech.refusal("opsætningen blev afbrudt (standard input blev lukket); intet blev gemt",
                                           "setup was cut short (standard input closed); nothing was written"))
        }
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The value for `question`: the answer, checked against `draft`'s choices, or the draft's value on Enter.
    func ask(_ question: SetupStep.Question, in draft: SetupDraft) throws -> String? {
        let current = draft.values[question.key]
        if let choices = question.choices.map({ draft.choices[keyPath: $0] }), !choices.isEmpty {
            say(Speech.say("  valg: ", "  choices: ") + choices.map(\.description).joined(separator: ", "))
        }
        let shown = question.isFlag ? current.map { Self.yesNo(default: $0 == "true") } : current
        while true {
            guard let answer = try line("  \(question.asked(Speech.language))", current: shown) else { return current }
            let value = question.isFlag ? SetupStep.flag(answer) : answer
            guard let value else {
                say("  " + Self.answerYesOrNo)
                continue
            }
            switch try draft.problem(question, value) {
            case .invalid(let reason)?: say("  \(question.key) \(reason.words(Speech.language))")
            case .notAChoice?: say("  \(value) \(SetupWords.notAChoice.in(Speech.language))")
            case nil: return value
            }
        }
    }

    /// The step to answer again, after "no" at the review; nil (Enter) to stop without saving.
    func stepToRevisit(_ steps: [SetupStep]) throws -> SetupStep? {
        let numbers = steps.map { String($0.number) }
        while true {
            guard let answer = try line(Speech.say("Gå tilbage til trin \(numbers.joined(separator: ", ")) (Enter: stop, intet gemmes)",
                                                "Go back to step \(numbers.joined(separator: ", ")) (Enter: stop, nothing is saved)"), current: nil) else {
                return nil
            }
            if let step = steps.first(where: { String($0.number) == answer }) { return step }
            say(Speech.say("svar \(numbers.joined(separator: ", ")), eller tryk Enter", "please answer \(numbers.joined(separator: ", ")), or press Enter"))
        }
    }

    /// A yes/no question, yes by default.
    func confirm(_ prompt: String) throws -> Bool {
        while true {
            guard let answer = try line(prompt, current: Self.yesNo(default: true)) else { return true }
            if let flag = SetupStep.flag(answer) { return flag == "true" }
            say(Self.answerYesOrNo)
        }
    }

    /// What Enter answers to a yes/no question: `Y/n` (`J/n`) when it is yes, `y/N` (`j/N`) when no.
    static func yesNo(default yes: Bool) -> String {
        let letter = Speech.say("j", "y")
        return yes ? letter.uppercased() + "/n" : letter + "/N"
    }

    /// What a yes/no question says to an answer that is neither.
    static var answerYesOrNo: String {
        Speech.say("svar j eller n", "please answer y or n")
    }
}
