import Replica
import Snapshot
import Vocabulary

/// A snapshot that cannot be read or trusted, in the office's language: a
/// file that cannot be opened in Danish whole ("kan ikke læses: filen findes
/// ikke"); what is wrong inside one headed by Danish words for its kind, the
/// reader's own finding (the line, the bytes, the hash) after it as it found it.
extension SnapshotError: WordedError {
    public func message(_ language: Language) -> String {
        guard language == .da else { return message }
        if let systemError { return "kan ikke læses: \(FileProblem.Reason(errno: systemError).words(.da))" }
        guard let headline = code.headline(.da) else { return message }
        return "\(headline) (\(message))"
    }

    public func describe(_ wording: any RemedyWording, in language: Language) -> String {
        describe(message(language), wording)
    }
}

extension SnapshotError.Code {
    /// What kind of trouble the snapshot is in, in `language`; nil in English (the message says it) and for a kind without words.
    public func headline(_ language: Language) -> String? {
        guard language == .da else { return nil }
        return switch self {
        case .notGzip: "er ikke en gzip-fil"
        case .truncated: "er afkortet: filen slutter for tidligt"
        case .corrupt: "den komprimerede strøm er beskadiget"
        case .tampered: "posterne svarer ikke til øjebliksbilledets kontrolsum eller antal"
        case .unsorted: "posterne står ikke i den rækkefølge, de skal"
        case .duplicateKey: "to poster har samme type og nøgle"
        case .unknownVersion: "er skrevet i et format, denne econsync ikke kender"
        case .missingHeader: "første linje er ikke øjebliksbilledets hoved"
        case .missingTrailer: "øjebliksbilledet mangler sin afslutning"
        case .invalidUTF8: "en linje er ikke gyldig UTF-8"
        case .badRecord: "en post er forkert skrevet"
        case .trailingData: "der står noget efter øjebliksbilledets afslutning"
        case .missingBase: "mangler det øjebliksbillede, det bygger på"
        case .io: "kan ikke læses eller skrives"
        default: nil
        }
    }
}
