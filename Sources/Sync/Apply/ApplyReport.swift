import Snapshot
import Vocabulary

/// What applying a plan did: pulls written, pushes confirmed, and each
/// failure with its record and e-conomic's (or the replica's) message.
public struct ApplyReport: Sendable, Equatable {
    /// One operation that failed.
    public struct Failure: Sendable, Equatable, Codable, CustomStringConvertible {
        public var kind: Kind
        public var key: String
        public var error: String
        public var description: String { "\(kind) \(key): \(error)" }

        public init(kind: Kind, key: String, error: String) {
            self.kind = kind
            self.key = key
            self.error = error
        }
    }

    public var run: Int64
    public var pulled = 0
    public var pushed = 0
    /// Pushes resent with their idempotency key after an interruption.
    public var replayed = 0
    /// Creates found in e-conomic after an interruption, past the replay window.
    public var foundByLookup = 0
    /// Pushes not sent because their registration changed since the plan was
    /// made (un-approved, or exported on an order meanwhile): not failures;
    /// the next run sees the change and plans what it calls for.
    public var withdrawn = 0
    public var pullFailures: [Failure] = []
    public var pushFailures: [Failure] = []

    public init(run: Int64) {
        self.run = run
    }

    /// The report as JSON, as the run's summary.
    public var json: String {
        CanonicalJSON.string(.object([
            "pulled": .int(Int64(pulled)), "pushed": .int(Int64(pushed)), "replayed": .int(Int64(replayed)),
            "foundByLookup": .int(Int64(foundByLookup)), "withdrawn": .int(Int64(withdrawn)),
            "pullFailures": Self.failuresJSON(pullFailures), "pushFailures": Self.failuresJSON(pushFailures),
        ]))
    }

    static func failuresJSON(_ failures: [Failure]) -> JSONValue {
        .array(failures.map { .object(["kind": .string($0.kind.rawValue), "key": .string($0.key), "error": .string($0.error)]) })
    }

    /// The summary a run keeps after its pulls.
    static func summary(_ pullFailures: [Failure]) -> String {
        CanonicalJSON.string(.object(["pullFailures": failuresJSON(pullFailures)]))
    }

    /// The pull failures kept in a run's summary.
    static func failures(in summary: String?) -> [Failure] {
        guard let summary, case .array(let items)? = (try? CanonicalJSON.parse(Array(summary.utf8)))?["pullFailures"] else { return [] }
        return items.compactMap { item in
            guard let kind = item["kind"]?.stringValue.flatMap(Kind.init(rawValue:)), let key = item["key"]?.stringValue, let error = item["error"]?.stringValue else { return nil }
            return Failure(kind: kind, key: key, error: error)
        }
    }
}
