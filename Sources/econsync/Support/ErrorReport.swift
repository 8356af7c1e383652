import ArgumentParser
import Foundation
import Sync
import Vocabulary

/// A failed command as econsync reports it: the exit status, a stable code,
/// the error in words, the records it names and its remedy. People get
/// `error: …` on standard error; under `--json`, scripts get
/// `{"error": {…}}` on standard output, with the same exit status.
///
/// ```swift
/// let report = ErrorReport(error, arguments: ["statsu"])
/// report.text     // error: unknown command 'statsu' (did you mean 'status'?) …
/// report.status   // 2
/// ```
struct ErrorReport {
    /// The exit status (see ``ExitStatus``).
    var status: Int32
    /// The error's identifier (`replica.notInitialised`), `usage` for a command line the parser refused.
    var code: String
    /// The error in words, its remedy worded as the command to run.
    var message: String
    /// The usage lines the argument parser adds to its own errors.
    var usage: String?
    var records: [String] = []
    var remedy: Remedy?

    init(_ error: any Error, arguments: [String]) {
        if let error = error as? any CodedError {
            status = Econsync.status(of: error) ?? ExitStatus.failure
            code = error.identifier
            message = Self.words(error, json: Self.wantsJSON(arguments))
            records = error.records
            remedy = error.remedy
            return
        }
        let exitCode = Econsync.exitCode(for: error)
        status = exitCode == .success ? ExitStatus.success : exitCode == .validationFailure ? ExitStatus.usage : ExitStatus.failure
        code = status == ExitStatus.usage ? "usage" : "failed"
        message = Econsync.message(for: error)
        let full = Econsync.fullMessage(for: error)
        if status != ExitStatus.success, full.hasPrefix("Error: " + message) {
            let rest = full.dropFirst(("Error: " + message).count).trimmingCharacters(in: .newlines)
            usage = rest.isEmpty ? nil : rest
        } else {
            message = full
        }
        if let suggestion = CommandSuggestion.message(for: message, arguments: arguments) { message = suggestion }
        // The parser speaks English only: its words in Danish for people, in English under --json (as every message).
        if Speech.language == .da, !Self.wantsJSON(arguments) {
            message = ParserText.danish(message)
            usage = usage.map(ParserText.danish)
        }
    }

    /// The report for people: `error: MESSAGE` and any usage lines (the help and version text as they are).
    var text: String {
        guard status != ExitStatus.success else { return message }
        return Speech.say("fejl: ", "error: ") + message + (usage.map { "\n" + $0 } ?? "")
    }

    /// `error` in words for this process's command line: in the language econsync speaks for people; in English
    /// under `--json`, so that it is the same in every language.
    static func words(_ error: any CodedError) -> String {
        words(error, json: commandLineWantsJSON)
    }

    /// `error` in words, in English when `json`, else in the language econsync speaks.
    static func words(_ error: any CodedError, json: Bool) -> String {
        json ? error.describe(CommandLineWording(.en)) : (error as? SyncError)?.spokenText ?? error.commandLineText
    }

    /// Whether this process's command line asks for JSON, read once.
    static let commandLineWantsJSON = wantsJSON(Array(CommandLine.arguments.dropFirst()))

    /// Whether the command line asks for JSON (`--json` before any `--`).
    static func wantsJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }
}

extension ErrorReport: Encodable {
    private enum Keys: String, CodingKey { case error, code, message, exitStatus, records, remedy }

    /// `{"error": {"code", "message", "exitStatus", "records", "remedy": {"action", "text", and its values}}}`.
    func encode(to encoder: any Encoder) throws {
        var top = encoder.container(keyedBy: Keys.self)
        var error = top.nestedContainer(keyedBy: Keys.self, forKey: .error)
        try error.encode(code, forKey: .code)
        try error.encode(message, forKey: .message)
        try error.encode(status, forKey: .exitStatus)
        try error.encode(records, forKey: .records)
        try error.encodeIfPresent(remedy.map(RemedyJSON.init), forKey: .remedy)
    }
}
