import Vocabulary
import Foundation

/// An error from the local replica: what went wrong, on which record and field,
/// and what to do about it.
///
/// ```swift
/// do { try replica.write { try $0.create(customer) } }
/// catch let error as ReplicaError where error.code == .invalidField {
///     print(error)   // customer, field cvr: "12345679" is not a valid CVR number …
/// }
/// ```
public struct ReplicaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable, machine-readable category of replica error.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A field value breaks a validation rule.
        public static let invalidField = Code(rawValue: "invalid-field")
        /// A reference names a record that does not exist (or is deleted).
        public static let missingReference = Code(rawValue: "missing-reference")
        /// The record to read or change does not exist.
        public static let notFound = Code(rawValue: "not-found")
        /// The record is approved or transferred and can no longer change this way.
        public static let locked = Code(rawValue: "locked")
        /// A field that e-conomic does not allow to change once the record exists there.
        public static let immutableField = Code(rawValue: "immutable-field")
        /// The record is still used by other live records.
        public static let inUse = Code(rawValue: "in-use")
        /// Another live record already has this unique value.
        public static let duplicate = Code(rawValue: "duplicate")
        /// The data directory holds no replica yet.
        public static let notInitialised = Code(rawValue: "not-initialised")
        /// The replica file was written by a newer econsync.
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// The file is not an econsync replica.
        public static let notAReplica = Code(rawValue: "not-a-replica")
        /// The replica file is damaged.
        public static let corrupt = Code(rawValue: "corrupt")
        /// A file in the data directory is not a plain file of econsync's own
        /// (a symbolic link, a device, a pipe): it is not followed.
        public static let unsafeFile = Code(rawValue: "unsafe-file")
        /// Another process held the replica for longer than the wait.
        public static let busy = Code(rawValue: "busy")
        /// A bulk import line is malformed.
        public static let badImport = Code(rawValue: "bad-import")
    }

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
    /// What to do about it, if there is something to say.
    public var remedy: String?

    public init(
        _ code: Code, _ message: String, kind: Kind? = nil, row: Int64? = nil,
        field: String? = nil, file: String? = nil, line: Int? = nil, remedy: String? = nil
    ) {
        self.code = code
        self.message = message
        self.kind = kind
        self.row = row
        self.field = field
        self.file = file
        self.line = line
        self.remedy = remedy
    }

    public var description: String {
        var prefix: [String] = []
        if let file {
            prefix.append(line.map { "\(file):\($0)" } ?? file)
        }
        var subject = ""
        if let kind {
            subject = kind.noun
            if let row { subject += " \(row)" }
            if let field { subject += ", field \(field)" }
        } else if let field {
            subject = "field \(field)"
        }
        if !subject.isEmpty { prefix.append(subject) }
        var text = prefix.isEmpty ? message : prefix.joined(separator: ": ") + ": " + message
        if let remedy { text += " (\(remedy))" }
        return text
    }

    /// The same error, located in a file and line (used by bulk import).
    func at(file: String, line: Int) -> ReplicaError {
        var copy = self
        copy.file = file
        copy.line = line
        return copy
    }
}
