import Vocabulary

/// The categories of ``ApplyError``.
extension ErrorCode where Domain == ApplyError {
    /// The plan was made from inputs that have moved since.
    public static var stalePlan: Self { "stale-plan" }
    /// An interrupted run must be resumed first, or there is none to resume.
    public static var interrupted: Self { "interrupted" }
    /// The operation names a record that is not there.
    public static var missingRecord: Self { "missing-record" }
    /// A value from e-conomic does not fit the replica.
    public static var badValue: Self { "bad-value" }
    /// An operation econsync cannot carry out.
    public static var unsupported: Self { "unsupported" }
    /// e-conomic answered in a way econsync cannot use.
    public static var badResponse: Self { "bad-response" }
    /// A record this push needs was not created.
    public static var dependencyFailed: Self { "dependency-failed" }
    /// The run stopped part-way (e-conomic kept answering 429 or 5xx, or could not be reached) and waits to be resumed.
    public static var stopped: Self { "stopped" }
}
