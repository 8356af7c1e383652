import Vocabulary

/// What the replica refused, as data: a field's value, a record's state, the
/// replica file itself. The words are the front end's, in its language (the
/// English ones are ``description``, the message a ``ReplicaError`` carries,
/// and ``advice``).
///
/// ```swift
/// ReplicaProblem.tooLong(characters: 300, max: 250).description
/// // is 300 characters long; e-conomic allows at most 250
/// ```
public enum ReplicaProblem: Sendable, Equatable, CustomStringConvertible {
    /// Text that must be there is empty (or only blanks).
    case empty
    /// Text longer than e-conomic takes.
    case tooLong(characters: Int, max: Int)
    /// A CVR number whose length or characters are wrong (the text as typed).
    case cvrLength(String)
    /// A CVR number that starts with 0.
    case cvrLeadingZero(String)
    /// A CVR number whose modulus-11 check fails.
    case cvrChecksum(String)
    /// Not `name@host`.
    case notEmail(String)
    /// Not a calendar date written `YYYY-MM-DD`.
    case notDate(String)
    /// Not a time written `YYYY-MM-DDTHH:MM:SSZ`.
    case notTime(String)
    /// An amount below 0 (the amount as people write it).
    case negativeAmount(String)
    /// An amount with more than two decimals.
    case tooManyDecimals(String)
    /// A quantity that must be greater than 0.
    case notPositive(String)
    /// Text with a NUL character.
    case nul
    /// Text with a control character (its code, `000B`); `multiLine` when line breaks and tabs are allowed.
    case controlCharacter(code: String, multiLine: Bool)
    /// A number that is not finite.
    case notNumber(String)
    /// A number above 999999999.99.
    case tooLarge(String)
    /// A number outside its range (what it is, the range as e-conomic has it).
    case outOfRange(String, NumberRange)
    /// A number below 0 where it must be 0 or more.
    case negative
    /// Not a three-letter currency code.
    case notCurrency(String)
    /// Not one of the payment terms types (the types allowed).
    case notPaymentTermsType(String, [String])
    /// A project made its own main project.
    case ownMainProject
    /// A main project that is itself a sub-project.
    case mainIsSubProject(Int64)
    /// A project with sub-projects made a sub-project (how many it has).
    case hasSubProjects(Int)
    /// Hours outside 0 (excluded) to 24.
    case hoursOutOfRange(String)
    /// Hours on a main project (its sub-projects counted).
    case onMainProject(Int64, subProjects: Int)
    /// A registration on a barred project.
    case projectBarred(Int64)
    /// A registration on a closed project.
    case projectClosed(Int64)
    /// A registration changed after it was transferred.
    case transferredLocked
    /// A registration marked sent without an approval.
    case sentUnapproved
    /// An approved registration edited.
    case approvedLocked
    /// A reference to a record that is deleted.
    case referenceDeleted(Kind, Int64)
    /// A reference to a record that does not exist.
    case referenceMissing(Kind, Int64)
    /// A value another live record of the kind has (the field, the value as shown, that record; nil when
    /// it is another new record of the same load).
    case taken(Kind, field: String, value: String, by: Int64?)
    /// A field that cannot change once the record exists in e-conomic (why).
    case fixedOnceSynced(Kind, FixedField)
    /// The record does not exist.
    case doesNotExist
    /// The record is deleted.
    case deleted
    /// Live records still refer to the record (the first found).
    case inUse(by: Kind, Int64)
    /// A registration that must be approved is not.
    case notApproved
    /// A registration was transferred to e-conomic already.
    case alreadyTransferred
    /// No live record of the kind answers to the reference (`99`, `e:1001`, `n:P-100`).
    case noLive(Kind, String)
    /// No live record of the kind has the name.
    case noneCalled(Kind, String)
    /// No replica in the data directory.
    case noReplica
    /// The replica file is empty.
    case emptyFile
    /// The file is not an SQLite database.
    case notSQLite
    /// An SQLite database, not a replica.
    case notReplica
    /// Another process holds the replica's write lock.
    case busy
    /// A file that cannot be read (why, when known).
    case unreadable(FileProblem.Reason?)
    /// A file that is not UTF-8 text.
    case notUTF8
    /// A replica of an older schema opened read-only (the version it needs).
    case needsUpgrade(to: Int)
    /// A replica written by a newer econsync (its schema version, the newest this one knows).
    case newerSchema(Int, knows: Int)
    /// A replica with a part missing (the part, as SQLite names it).
    case damaged(missing: String)
    /// A replica SQLite finds corrupt (SQLite's words).
    case corrupt(String)
    /// A replica SQLite refuses for another reason (SQLite's words).
    case unusable(String)
    /// An import line that is not a JSON object.
    case lineNotObject
    /// An import line with a key other than kind, ref and data.
    case unknownLineKey(String)
    /// An import line without a kind.
    case kindMissing
    /// An import line whose kind is not one of the kinds.
    case unknownKind(String)
    /// An import line whose data is not an object.
    case dataNotObject
    /// An import line whose ref is not a non-empty string.
    case refNotText
    /// An import line whose ref an earlier line has.
    case refTaken(String)
    /// A project's employees that are not a list.
    case employeesNotList
    /// A field the kind does not have (the fields it has).
    case unknownField(Kind, [String])
    /// A reference field that is not text or a number.
    case referenceNotText
    /// Text that is not a reference.
    case notReference(String)
    /// A field of the wrong type (the type it must have).
    case wrongType(ValueType)
    /// A field that must be given.
    case required
    /// A value JSON decoding refused (its words).
    case notValid(String)
    /// A name several live records have (each as `id (name)`).
    case ambiguousName(String, [String])
    /// A key or number several departments' records have (how many).
    case onePerDepartment(String, Int)
    /// A kind whose records have no number of their own.
    case noNumber(Kind)
    /// A kind whose records have no name.
    case noName(Kind)
    /// An import alias no earlier line has.
    case noAlias(String)
    /// An import alias of another kind (the alias's kind, the kind wanted).
    case aliasOfKind(String, Kind, not: Kind)
    /// A registration a reconcile run is transferring (the run).
    case inTransfer(run: Int64)
    /// A replica of another agreement than the data directory's (the replica's, the directory's).
    case otherAgreement(String, Int)
    /// A replica never connected to the data directory's agreement.
    case neverConnected(Int)
    /// A path that is a link, a device or a pipe.
    case notPlainFile
    /// A file others can read whose mode cannot be changed (the system's words, the mode wanted).
    case cannotTighten(String, mode: String)
    /// A snapshot file the store does not index.
    case snapshotUnknown(String)
    /// A snapshot file the store indexes already.
    case snapshotKnown(String)
    /// A snapshot a reconcile needs as its base (the run), or the audit journal refers to (nil).
    case snapshotNeeded(String, baseOf: String?)
    /// An e-conomic key another record of the kind has.
    case keyTaken(String, Kind, Int64)

    /// The problem in English, as econsync has always worded it.
    public var description: String {
        switch self {
        case .empty: "must not be empty"
        case .tooLong(let characters, let max): "is \(characters) characters long; e-conomic allows at most \(max)"
        case .cvrLength(let text): "\"\(text)\" is not a CVR number: a CVR number has exactly 8 digits"
        case .cvrLeadingZero(let text): "\"\(text)\" is not a CVR number: a CVR number never starts with 0"
        case .cvrChecksum(let text): "\"\(text)\" is not a valid CVR number (modulus-11 check failed)"
        case .notEmail(let text): "\"\(text)\" is not an e-mail address"
        case .notDate(let text): "\"\(text)\" is not a date: write it as YYYY-MM-DD"
        case .notTime(let text): "\"\(text)\" is not a time: write it as YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-02T15:00:00Z"
        case .negativeAmount(let amount): "\(amount) is not a valid amount: it must be 0 or more"
        case .tooManyDecimals(let amount): "\(amount) has more than two decimals; e-conomic accepts at most two"
        case .notPositive(let amount): "\(amount) is not allowed: it must be greater than 0"
        case .nul: "contains a NUL character (\\u0000), which would cut the text short"
        case .controlCharacter(let code, let multiLine):
            "contains the control character U+\(code); "
                + (multiLine ? "only line breaks and tabs are allowed" : "text may not hold control characters or line breaks")
        case .notNumber(let value): "\(value) is not a number"
        case .tooLarge(let value): "\(value) is too large: at most 999999999.99"
        case .outOfRange(let value, let range): "\(value) \(range.description)"
        case .negative: "must be 0 or more"
        case .notCurrency(let text): "\"\(text)\" is not a currency code: use three letters such as DKK"
        case .notPaymentTermsType(let text, let types): "\"\(text)\" is not a payment terms type; use one of \(types.joined(separator: ", "))"
        case .ownMainProject: "a project cannot be its own main project"
        case .mainIsSubProject(let id): "project \(id) is itself a sub-project; a main project must be a project without a parent"
        case .hasSubProjects(let count): "this project has \(count) sub-project(s), so it cannot become a sub-project"
        case .hoursOutOfRange(let hours): "\(hours) is not allowed: hours must be more than 0 and at most 24 per entry"
        case .onMainProject(let id, let count):
            "project \(id) is a main project (it has \(count) sub-project(s)); e-conomic takes hours only on sub-projects"
        case .projectBarred(let id): "project \(id) is barred and takes no registrations"
        case .projectClosed(let id): "project \(id) is closed and takes no registrations"
        case .transferredLocked: "was transferred to e-conomic and can no longer change"
        case .sentUnapproved: "only approved registrations can be transferred or exported"
        case .approvedLocked: "is approved and can no longer be edited"
        case .referenceDeleted(let kind, let id): "\(kind.rawValue) \(id) is deleted"
        case .referenceMissing(let kind, let id): "\(kind.rawValue) \(id) does not exist"
        case .taken(let kind, let field, let value, let holder):
            "\(holder.map { "\(kind.rawValue) \($0) already has" } ?? "another new \(kind.rawValue) has") "
                + "\(field == "foreignKey" ? "e-conomic key" : field) \(value)"
        case .fixedOnceSynced(let kind, _): "cannot change once the \(kind.rawValue) exists in e-conomic"
        case .doesNotExist: "does not exist"
        case .deleted: "is deleted"
        case .inUse(let kind, let user): "is still used by \(kind.rawValue) \(user)"
        case .notApproved: "is not approved"
        case .alreadyTransferred: "was already transferred"
        case .noLive(let kind, let reference): "no live \(kind.rawValue) is \(reference)"
        case .noneCalled(let kind, let name): "no live \(kind.noun) is called \"\(name)\""
        case .noReplica: "no replica here"
        case .emptyFile: "is empty (0 bytes): it is not a replica any more"
        case .notSQLite: "is not an econsync replica (not an SQLite database)"
        case .notReplica: "is an SQLite database but not an econsync replica"
        case .busy: "is held by another econsync process for longer than 10 seconds"
        case .unreadable(let reason): reason.map { "cannot be read: \($0)" } ?? "cannot be read"
        case .notUTF8: "is not UTF-8 text"
        case .needsUpgrade(let version): "needs an upgrade to schema version \(version) before it can be read"
        case .newerSchema(let version, let known):
            "was written by a newer econsync (schema version \(version); this econsync knows up to \(known))"
        case .damaged(let missing): "is damaged: \(missing) is missing"
        case .corrupt(let words): "is corrupt: \(words)"
        case .unusable(let words): "cannot be used: \(words)"
        case .lineNotObject: "is not a JSON object; each line must be {\"kind\": …, \"data\": {…}}"
        case .unknownLineKey(let key): "unknown key \"\(key)\"; a line has only kind, ref and data"
        case .kindMissing: "\"kind\" is missing; use one of \(Kind.allNames)"
        case .unknownKind(let name): "unknown kind \"\(name)\"; use one of \(Kind.allNames)"
        case .dataNotObject: "\"data\" must be an object with the record's fields"
        case .refNotText: "\"ref\" must be a non-empty string"
        case .refTaken(let name): "ref \"\(name)\" is already used by an earlier line"
        case .employeesNotList: "must be a list of employee references"
        case .unknownField(let kind, let fields): "unknown field; \(kind.rawValue) has \(fields.joined(separator: ", "))"
        case .referenceNotText: "must be \(RecordRef.syntax)"
        case .notReference(let text): "\"\(text)\" is not a reference; write \(RecordRef.syntax)"
        case .wrongType(let type): "has the wrong type: expected \(type.description)"
        case .required: "is required"
        case .notValid(let words): "is not valid: \(words)"
        case .ambiguousName(let name, let candidates):
            "\"\(name)\" names \(candidates.count) records: \(candidates.joined(separator: ", ")); name one by its local id"
        case .onePerDepartment(let ref, let count): "\(ref) names \(count) records (one per department); use a local id"
        case .noNumber(let kind): "\(kind.rawValue) records have no number of their own; use a local id or e:KEY"
        case .noName(let kind): "\(kind.noun) records have no name; use a local id or e:KEY"
        case .noAlias(let alias): "no earlier line is named @\(alias)"
        case .aliasOfKind(let alias, let kind, let wanted): "@\(alias) is a \(kind.rawValue), not a \(wanted.rawValue)"
        case .inTransfer(let run):
            "is being transferred to e-conomic by reconcile run \(run) and cannot be un-approved until that run is finished"
        case .otherAgreement(let recorded, let connected):
            "syncs e-conomic agreement \(recorded), but the data directory is connected to agreement \(connected)"
        case .neverConnected(let agreement):
            "was never connected to e-conomic agreement \(agreement), which the data directory is connected to: "
                + "it is not the replica this data directory was set up with"
        case .notPlainFile: "is not a plain file (a symbolic link, a device or a pipe); econsync does not follow it"
        case .cannotTighten(let words, _): "others can read it and its mode cannot be changed (\(words))"
        case .snapshotUnknown(let file): "snapshot \(file) is not in the store"
        case .snapshotKnown(let file): "snapshot \(file) is already in the store"
        case .snapshotNeeded(let file, let run):
            "snapshot \(file) is still needed (\(run.map { "base of reconcile \($0)" } ?? "referred to by the audit journal"))"
        case .keyTaken(let key, let kind, let id): "e-conomic key \(key) already belongs to \(kind.rawValue) \(id)"
        }
    }

    /// What to do, in English, when the problem says it itself (not an action a front end names).
    public var advice: String? {
        switch self {
        case .inUse(let kind, _): "delete or change that \(kind.rawValue) first"
        case .onMainProject: "record the hours on one of its sub-projects"
        case .transferredLocked: "correct it in e-conomic, or record a new registration"
        case .approvedLocked: "un-approve it first"
        case .emptyFile: "restore it from a backup, or move it away and create a new replica"
        case .busy: "try again when it finishes"
        case .unreadable(.permissionDenied): "check the file's permissions"
        case .newerSchema: "upgrade econsync; the file was left unchanged"
        case .damaged, .corrupt: "restore it from a backup; reconcile can rebuild e-conomic data from a snapshot"
        case .inTransfer: "finish the run; if e-conomic refuses the entry it can be un-approved then"
        case .otherAgreement: "restore the replica of this data directory, or connect again"
        case .neverConnected: "restore the replica of this data directory, or connect again to use this one"
        case .notPlainFile: "put the real file in its place, or remove it"
        case .cannotTighten(_, let mode): "make it private to its owner (chmod \(mode))"
        case .fixedOnceSynced(_, let field): field.description
        default: nil
        }
    }
}

extension ReplicaProblem {
    /// The range a number must be in.
    public enum NumberRange: Sendable, Equatable {
        case employeeNumber, projectNumber, activityNumber

        /// `is out of range: e-conomic employee numbers run from 1 to 999999`.
        public var description: String {
            switch self {
            case .employeeNumber: "is out of range: e-conomic employee numbers run from 1 to 999999"
            case .projectNumber: "is out of range: project numbers run from 1 to 999999999"
            case .activityNumber: "is not an e-conomic activity number (1 to 999999999)"
            }
        }
    }
}

extension ReplicaProblem {
    /// A field e-conomic lets no one change once the record exists there.
    public enum FixedField: Sendable, Equatable, CustomStringConvertible {
        case productNumber, productUnit, mainProject

        /// Why it cannot change, and what to do instead.
        public var description: String {
            switch self {
            case .productNumber: "the product number is its key in e-conomic; create a new product instead"
            case .productUnit: "e-conomic does not allow a product's unit to change after it is created; create a new product instead"
            case .mainProject: "e-conomic sets a sub-project's main project only when it is created"
            }
        }
    }
}

extension ReplicaProblem {
    /// The type a field's value must have.
    public enum ValueType: Sendable, Equatable {
        case text, truth, number, wholeNumber

        /// `text`, `true or false`, `a number`, `a whole number`.
        public var description: String {
            switch self {
            case .text: "text"
            case .truth: "true or false"
            case .number: "a number"
            case .wholeNumber: "a whole number"
            }
        }
    }
}

extension ReplicaError {
    /// The refusal for `problem`: its English words, the records and file it is about.
    public init(_ code: Code, _ problem: ReplicaProblem, kind: Kind? = nil, row: Int64? = nil, field: String? = nil,
                file: String? = nil, remedy: Remedy? = nil) {
        self.init(code, problem.description, kind: kind, row: row, field: field, file: file, advice: problem.advice, remedy: remedy)
        self.problem = problem
    }
}
