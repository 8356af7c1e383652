import Foundation

/// An action a user can take to get past an error. It carries no words:
/// a front end words it (``RemedyWording``), the command-line tool as the
/// command to run, a panel as the button to press.
///
/// ```swift
/// throw ReplicaError(.notInitialised, "no replica here", file: path, remedy: .initialise)
/// // econsync prints: …: no replica here (run `econsync init` first)
/// ```
public enum Remedy: Hashable, Sendable {
    /// Create the replica in the data directory (it holds none yet).
    case initialise
    /// Let a writing command bring the replica's schema up to date (a read-only open cannot).
    case upgradeReplica
    /// Look at the list of every setting (the one named does not exist).
    case listSettings
    /// Give the setting `key` a value (it is missing and has no default).
    case setConfig(key: String)
    /// Choose the order layout, or import e-conomic's layouts by syncing the orders module.
    case setOrderLayout
    /// Give hour type `hourType` a product to invoice its hours on, or set a default one.
    case setHoursProduct(hourType: Int64)
    /// Give project `project` a customer.
    case setProjectCustomer(project: Int64)
    /// Get the customer into e-conomic: wait for or force a customer sync, or create it there.
    case syncCustomers
    /// Give the employee an e-conomic employee number, or turn employee sync on.
    case setEmployeeNumber
    /// Map the hour type to an e-conomic activity.
    case mapActivity
    /// Turn product auto-creation on, or create the product in e-conomic.
    case enableProductCreation
    /// Delete draft order `number` in e-conomic first, then release its registrations.
    case deleteDraftOrder(number: Int64)
    /// Connect to e-conomic (no connection is stored).
    case connect
    /// Give the agreement grant token again: e-conomic refused the one given on
    /// connecting (not copied whole from the grant page, or the app not approved).
    case checkGrantToken
    /// Connect to e-conomic anew: the grant is gone or the stored connection unusable.
    case reconnect
    /// Forget the stored connection first, to connect to another agreement.
    case disconnect
    /// Make the credentials file at `path` private to its owner, or connect anew.
    case restrictCredentials(path: String)
    /// Reconcile comparing every record: e-conomic is taken afresh and makes a new base.
    case reconcileFully
    /// Finish the interrupted reconcile run before starting another.
    case resumeReconcile
    /// Sync again: it finishes the modules a stopped sync had not finished (a cut-off push is settled first).
    case finishSync
    /// Resume the integration, paused by the office: nothing goes to or comes from e-conomic until then.
    case resumeIntegration
    /// Nothing to do now: the work runs again when due, after `reason` passes.
    case retryLater(after: Delay)
    /// The module rests after its last run until `until`: wait, or force it to run now.
    case waitForCooldown(until: Date)

    /// Why work is left for a later run.
    public enum Delay: String, Hashable, Sendable, CaseIterable {
        /// The run hung past its timeout and was released.
        case timeout
        /// e-conomic's rate limit for the agreement was spent.
        case rateLimit
        /// e-conomic could not be reached (no network, or its servers down).
        case network
    }
}
