import Vocabulary

/// The categories of ``SnapshotError``.
extension ErrorCode where Domain == SnapshotError {
    /// The file is not gzip-compressed.
    public static var notGzip: Self { "not-gzip" }
    /// The file ends early (no trailer, or the compressed stream is cut off).
    public static var truncated: Self { "truncated" }
    /// The compressed stream is damaged.
    public static var corrupt: Self { "corrupt" }
    /// The records do not match the trailer's hash or counts.
    public static var tampered: Self { "tampered" }
    /// Records are out of order.
    public static var unsorted: Self { "unsorted" }
    /// Two records have the same kind and key.
    public static var duplicateKey: Self { "duplicate-key" }
    /// The header names a format version this econsync does not know.
    public static var unknownVersion: Self { "unknown-version" }
    /// The first line is not a snapshot header.
    public static var missingHeader: Self { "missing-header" }
    /// The last line is not a snapshot trailer.
    public static var missingTrailer: Self { "missing-trailer" }
    /// A line is not valid UTF-8.
    public static var invalidUTF8: Self { "invalid-utf8" }
    /// A record line is malformed.
    public static var badRecord: Self { "bad-record" }
    /// Something follows the trailer.
    public static var trailingData: Self { "trailing-data" }
    /// A delta's base is not there (or its chain of bases is broken).
    public static var missingBase: Self { "missing-base" }
    /// The file cannot be read or written.
    public static var io: Self { "io" }
}
