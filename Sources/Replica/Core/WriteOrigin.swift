/// Where the values a ``ReplicaWriter`` writes come from; it decides which
/// rules they are held to.
///
/// ```swift
/// try replica.write { writer in
///     try writer.create(customer)            // .local: every rule for typed or imported input applies
/// }
/// ```
public enum WriteOrigin: Sendable {
    /// Typed or imported by a person (the `local` commands, bulk import):
    /// held to every rule, including those for input (``InputRules``).
    case local
    /// Pulled from e-conomic: e-conomic already holds these values, so the
    /// rules for input are not applied; what e-conomic sends is never refused for them.
    case economic
}
