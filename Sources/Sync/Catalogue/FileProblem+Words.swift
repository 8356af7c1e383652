import Replica
import Vocabulary

/// A file that could not be read or written, in the office's language:
/// "kan ikke læse /tmp/x.ndjson: filen findes ikke".
extension FileProblem: WordedError {
    public func message(_ language: Language) -> String {
        guard language == .da else { return message }
        return "kan ikke \(operation == .read ? "læse" : "skrive") \(path ?? "filen"): \(reason.words(.da))"
    }
}

extension FileProblem.Reason {
    /// The reason in `language`: in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .noSuchFile: "filen findes ikke"
        case .permissionDenied: "adgang nægtet"
        case .isDirectory: "er en mappe"
        case .invalidName: "ikke et gyldigt filnavn"
        case .damaged: "filen er beskadiget"
        case .tooLarge: "filen er for stor"
        case .wrongEncoding: "ikke tekst i den forventede tegnkodning"
        case .exists: "filen findes allerede"
        case .noSpace: "der er ikke mere plads på enheden"
        case .readOnly: "filsystemet er skrivebeskyttet"
        case .locked: "filen er låst"
        case .system(let words): words
        }
    }
}
