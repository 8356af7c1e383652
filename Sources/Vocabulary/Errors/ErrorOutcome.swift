/// What an error means for the operation that met it: the class a program
/// maps to its exit status (the `econsync` tool: 1, 2, 3, 4, 5).
///
/// ```swift
/// switch (error as? any CodedError)?.outcome {
/// case .needsReconnect: exit(4)
/// …
/// }
/// ```
public enum ErrorOutcome: String, Sendable, Hashable, CaseIterable {
    /// The operation failed (bad input, a missing record, a refused request).
    case failure
    /// The request itself was malformed (an unknown option or value).
    case usage
    /// The replica cannot be used at all (not initialised, newer, not a replica, corrupt).
    case replicaUnusable
    /// e-conomic's grant is gone: nothing that talks to e-conomic works until a reconnect.
    case needsReconnect
    /// The operation did not run and may later (cooling down, disabled, busy elsewhere).
    case notRun
    /// e-conomic could not be reached (no network, or its servers down): nothing was lost, a later run tries again.
    case unreachable
}
