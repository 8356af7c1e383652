import Foundation
import Snapshot

extension PlanReason {
    /// The reason as it is kept where only text is (the replica's pending
    /// records): its data as JSON, or, for ``recorded(_:)``, the words themselves.
    public var stored: String {
        if case .recorded(let words) = self { return words }
        return Self.plainStored[self] ?? Self.encoded(self)
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

    /// `reason`'s data as JSON text.
    private static func encoded(_ reason: PlanReason) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(reason)).flatMap { String(bytes: $0, encoding: .utf8) } ?? reason.description
    }

    /// The stored text of the reasons without values, which most operations of a big plan have (and a run keeps for
    /// each skip and block), encoded once.
    private static let plainStored: [PlanReason: String] = Dictionary(uniqueKeysWithValues: [
        PlanReason.newInEconomic, .changedInEconomic, .deletedInEconomic, .newInReplica, .changedInReplica, .deletedInReplica,
        .notApproved, .autoCreateOff, .mergedSubProject,
    ].map { ($0, encoded($0)) })

    /// The JSON of the same reasons, parsed once.
    private static let plainJSON: [PlanReason: JSONValue] = plainStored.compactMapValues { try? CanonicalJSON.parse($0) }
}
