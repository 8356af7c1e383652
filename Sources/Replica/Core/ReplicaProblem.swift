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

extension ReplicaError {
    /// The refusal for `problem`: its English words, the records and file it is about.
    public init(_ code: Code, _ problem: ReplicaProblem, kind: Kind? = nil, row: Int64? = nil, field: String? = nil,
                file: String? = nil, remedy: Remedy? = nil) {
        self.init(code, problem.description, kind: kind, row: row, field: field, file: file, advice: problem.advice, remedy: remedy)
        self.problem = problem
    }
}
