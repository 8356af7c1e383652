import Replica
import Snapshot
import Vocabulary

/// A snapshot file that cannot be opened, in the office's language
/// ("snapshots/x.ndjson.gz: kan ikke læses: filen findes ikke"); what is wrong
/// inside a snapshot (its format, its hash) keeps its English words whole.
extension SnapshotError: WordedError {
    public func message(_ language: Language) -> String {
        guard language == .da, let systemError else { return message }
        return "kan ikke læses: \(FileProblem.Reason(errno: systemError).words(.da))"
    }

    public func describe(_ wording: any RemedyWording, in language: Language) -> String {
        describe(message(language), wording)
    }
}
