import Foundation

extension FileProblem {
    /// Why a file could not be read or written: the common reasons as cases a
    /// front end words in its language, anything else in the system's words.
    ///
    /// ```swift
    /// FileProblem.Reason(errno: ENOENT)   // .noSuchFile, "no such file"
    /// ```
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case noSuchFile, permissionDenied, isDirectory, invalidName, damaged, tooLarge, wrongEncoding
        case exists, noSpace, readOnly, locked
        /// Any other reason, as the system words it (in lower case).
        case system(String)

        /// The reason an `errno` value gives.
        public init(errno code: Int32) {
            switch code {
            case ENOENT: self = .noSuchFile
            case EACCES, EPERM: self = .permissionDenied
            case EISDIR: self = .isDirectory
            case ENAMETOOLONG: self = .invalidName
            case EEXIST: self = .exists
            case ENOSPC, EDQUOT: self = .noSpace
            case EROFS: self = .readOnly
            default:
                let text = String(cString: strerror(code))
                self = .system(text.prefix(1).lowercased() + text.dropFirst())
            }
        }

        /// The reason a Foundation file error code gives; nil when it names none.
        init?(_ code: CocoaError.Code) {
            switch code {
            case .fileNoSuchFile, .fileReadNoSuchFile: self = .noSuchFile
            case .fileReadNoPermission, .fileWriteNoPermission: self = .permissionDenied
            case .fileReadInvalidFileName, .fileWriteInvalidFileName: self = .invalidName
            case .fileReadCorruptFile: self = .damaged
            case .fileReadTooLarge: self = .tooLarge
            case .fileReadInapplicableStringEncoding: self = .wrongEncoding
            case .fileWriteFileExists: self = .exists
            case .fileWriteOutOfSpace: self = .noSpace
            case .fileWriteVolumeReadOnly: self = .readOnly
            case .fileLocking: self = .locked
            default: return nil
            }
        }

        /// The reason in English: `no such file`, `permission denied`.
        public var description: String {
            switch self {
            case .noSuchFile: "no such file"
            case .permissionDenied: "permission denied"
            case .isDirectory: "is a directory"
            case .invalidName: "not a valid file name"
            case .damaged: "the file is damaged"
            case .tooLarge: "the file is too large"
            case .wrongEncoding: "not text in the expected encoding"
            case .exists: "the file already exists"
            case .noSpace: "no space left on the device"
            case .readOnly: "the file system is read-only"
            case .locked: "the file is locked"
            case .system(let words): words
            }
        }
    }
}
