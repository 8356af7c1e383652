/// The exit codes scripts can rely on.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let replicaUnusable: Int32 = 3
    /// e-conomic answered 401: the grant is gone; run `econsync reconnect`.
    static let needsReconnect: Int32 = 4
    /// A sync module did not run: cooling down, disabled, or busy in another process.
    static let notRun: Int32 = 5
    /// e-conomic could not be reached: field work is kept, the next sync sends it.
    static let unreachable: Int32 = 6
}
