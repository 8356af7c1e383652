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
            throw CommandFailure("setup was cut short (standard input closed); nothing was written")
        }
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The value for `question`: the answer, checked against `draft`'s choices, or the draft's value on Enter.
    func ask(_ question: SetupStep.Question, in draft: SetupDraft) throws -> String? {
        let current = draft.values[question.key]
        if let choices = question.choices.map({ draft.choices[keyPath: $0] }), !choices.isEmpty {
            say("  choices: " + choices.map(\.description).joined(separator: ", "))
        }
        let shown = question.isFlag ? current.map { $0 == "true" ? "Y/n" : "y/N" } : current
        while true {
            guard let answer = try line("  \(question.prompt)", current: shown) else { return current }
            let value = question.isFlag ? SetupStep.flag(answer) : answer
            guard let value else {
                say("  please answer y or n")
                continue
            }
            switch try draft.problem(question, value) {
            case .invalid(let reason)?: say("  \(question.key) \(reason)")
            case .notAChoice?: say("  \(value) is not one of e-conomic's choices")
            case nil: return value
            }
        }
    }

    /// The step to answer again, after "no" at the review; nil (Enter) to stop without saving.
    func stepToRevisit(_ steps: [SetupStep]) throws -> SetupStep? {
        let numbers = steps.map { String($0.number) }
        while true {
            guard let answer = try line("Go back to step \(numbers.joined(separator: ", ")) (Enter: stop, nothing is saved)", current: nil) else {
                return nil
            }
            if let step = steps.first(where: { String($0.number) == answer }) { return step }
            say("please answer \(numbers.joined(separator: ", ")), or press Enter")
        }
    }

    /// A yes/no question, yes by default.
    func confirm(_ prompt: String) throws -> Bool {
        while true {
            guard let answer = try line(prompt, current: "Y/n") else { return true }
            if let flag = SetupStep.flag(answer) { return flag == "true" }
            say("please answer y or n")
        }
    }
}
