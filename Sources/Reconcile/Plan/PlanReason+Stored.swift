import Foundation
import Snapshot

extension PlanReason {
    /// The reason as it is kept where only text is (the replica's pending
    /// records): its data as JSON, or, for ``recorded(_:)``, the words themselves.
    public var stored: String {
        if case .recorded(let words) = self { return words }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).flatMap { String(bytes: $0, encoding: .utf8) } ?? description
    }

    /// A reason read back from ``stored``: text that is not a reason's data
    /// (an e-conomic refusal, or words an earlier econsync recorded) is ``recorded(_:)``.
    public init(stored text: String) {
        if text.hasPrefix("{"), let reason = try? JSONDecoder().decode(PlanReason.self, from: Data(text.utf8)) {
            self = reason
        } else {
            self = .recorded(text)
        }
    }

    /// The reason as a plan file carries it beside its words (see ``stored``);
    /// nil for ``recorded(_:)``, whose words are all there is.
    public var json: JSONValue? {
        if case .recorded = self { return nil }
        return Self.plainJSON[self] ?? (try? CanonicalJSON.parse(stored))
    }

    /// The JSON of the reasons without values, which most operations of a big plan have, made once.
    static let plainJSON: [PlanReason: JSONValue] = Dictionary(uniqueKeysWithValues: [
        PlanReason.newInEconomic, .changedInEconomic, .deletedInEconomic, .newInReplica, .changedInReplica, .deletedInReplica,
        .notApproved, .autoCreateOff, .mergedSubProject,
    ].compactMap { reason in (try? CanonicalJSON.parse(reason.stored)).map { (reason, $0) } })
}
