import Foundation
import Vocabulary

/// An error from the local replica: what went wrong, on which record and field,
/// and what to do about it.
///
/// ```swift
/// do { try replica.write { try $0.create(customer) } }
/// catch let error as ReplicaError where error.code == .invalidField {
///     print(error)   // customer, field cvr: "12345679" is not a valid CVR number …
/// }
/// ```
public struct ReplicaError: CodedError, Equatable {
    public static let domain = "replica"

    /// A stable, machine-readable category of replica error (its values are in ``ErrorCode`` extensions).
    public typealias Code = ErrorCode<ReplicaError>

    public var code: Code
    /// What is wrong, in words a user understands.
    public var message: String
    /// The kind of record involved, if any.
    public var kind: Kind?
    /// The local id of the record involved, if any.
    public var row: Int64?
    /// The field involved, if any.
    public var field: String?
    /// The file involved (replica or import file), if any.
    public var file: String?
    /// The 1-based line of `file` involved, if any.
    public var line: Int?
    /// What to do about it, in words, when it is not an action a front end names (``remedy``).
    public var advice: String?
    /// The action to take, worded by the front end, if there is one.
    public var remedy: Remedy?
    /// Why a field's value was refused, as data (``message`` is its English words), for a front end to word.
    public var problem: ReplicaProblem?

    public init(
        _ code: Code, _ message: String, kind: Kind? = nil, row: Int64? = nil,
        field: String? = nil, file: String? = nil, line: Int? = nil, advice: String? = nil, remedy: Remedy? = nil
    ) {
        self.code = code
        self.message = message
        self.kind = kind
        self.row = row
        self.field = field
        self.file = file
        self.line = line
        self.advice = advice
        self.remedy = remedy
    }

    /// Exit class: the replica cannot be used, or it was busy, or a reference was ambiguous (a usage error), or the operation failed.
    public var outcome: ErrorOutcome {
        switch code {
        case .notInitialised, .newerSchema, .notAReplica, .corrupt, .unsafeFile: .replicaUnusable
        case .busy: .notRun
        case .ambiguousReference: .usage
        default: .failure
        }
    }

    public var records: [String] {
        guard let kind, let row else { return [] }
        return ["\(kind.noun) \(row)"]
    }

    /// `file:line: kind row, field f: message (advice or remedy)`.
    public func describe(_ wording: any RemedyWording) -> String {
        describe(message, advice: advice ?? remedy.map(wording.words), noun: \.noun, field: "field")
    }

    /// `file:line: kind row, FIELD f: message (advice)`, the kind named by `noun` and a field by `field`:
    /// the shape every language words a replica error in.
    public func describe(_ message: String, advice: String?, noun: (Kind) -> String, field fieldWord: String) -> String {
        var prefix: [String] = []
        if let file {
            prefix.append(line.map { "\(file):\($0)" } ?? file)
        }
        var subject = ""
        if let kind {
            subject = noun(kind)
            if let row { subject += " \(row)" }
            if let field { subject += ", \(fieldWord) \(field)" }
        } else if let field {
            subject = "\(fieldWord) \(field)"
        }
        if !subject.isEmpty { prefix.append(subject) }
        let text = prefix.isEmpty ? message : prefix.joined(separator: ": ") + ": " + message
        return advice.map { "\(text) (\($0))" } ?? text
    }

    /// The same error, located in a file and line (used by bulk import).
    func at(file: String, line: Int) -> ReplicaError {
        var copy = self
        copy.file = file
        copy.line = line
        return copy
    }
}
