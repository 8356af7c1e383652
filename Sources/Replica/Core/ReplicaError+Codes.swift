import Vocabulary

/// The categories of ``ReplicaError``.
extension ErrorCode where Domain == ReplicaError {
    /// A field value breaks a validation rule.
    public static var invalidField: Self { "invalid-field" }
    /// A reference names a record that does not exist (or is deleted).
    public static var missingReference: Self { "missing-reference" }
    /// A reference (a name) fits several records: the candidates are listed, nothing is done.
    public static var ambiguousReference: Self { "ambiguous-reference" }
    /// The record to read or change does not exist.
    public static var notFound: Self { "not-found" }
    /// The record is approved or transferred and can no longer change this way.
    public static var locked: Self { "locked" }
    /// A field that e-conomic does not allow to change once the record exists there.
    public static var immutableField: Self { "immutable-field" }
    /// The record is still used by other live records.
    public static var inUse: Self { "in-use" }
    /// Another live record already has this unique value.
    public static var duplicate: Self { "duplicate" }
    /// The data directory holds no replica yet.
    public static var notInitialised: Self { "not-initialised" }
    /// The replica file was written by a newer econsync.
    public static var newerSchema: Self { "newer-schema" }
    /// The file is not an econsync replica.
    public static var notAReplica: Self { "not-a-replica" }
    /// The replica file is damaged.
    public static var corrupt: Self { "corrupt" }
    /// A file in the data directory is not a plain file of econsync's own
    /// (a symbolic link, a device, a pipe): it is not followed.
    public static var unsafeFile: Self { "unsafe-file" }
    /// Another process held the replica for longer than the wait.
    public static var busy: Self { "busy" }
    /// A bulk import line is malformed.
    public static var badImport: Self { "bad-import" }
}
