import Vocabulary
import Replica

/// A value e-conomic holds that econsync keeps as it is but would not take
/// from a person typing it, where it matters to the office: a domestic
/// customer whose CVR field is not a Danish CVR number (matching on CVR and
/// the order export rely on it), or an e-mail field that is not one address
/// (notifications and documents go nowhere). Reported by `audit` and `status`;
/// never a failed operation.
///
/// ```swift
/// for warning in try DataWarning.scan(replica) { print(warning) }
/// // customer 1012 (Hansen VVS ApS): CVR "Test" is not a Danish CVR number
/// ```
public struct DataWarning: Sendable, Equatable, CustomStringConvertible {
    /// Which rule the value breaks.
    public enum Rule: String, Sendable, CaseIterable {
        case cvr, email
    }

    public var kind: Kind
    /// The record's e-conomic key.
    public var key: String
    public var name: String
    public var rule: Rule
    /// The value that breaks the rule, as e-conomic holds it.
    public var value: String

    /// What is wrong with the value, in English (the catalogue words it in Danish).
    public var message: String { words(.en) }

    public var description: String { "\(kind.rawValue) \(key) (\(name)): \(message)" }

    /// The warnings of the replica's records that e-conomic holds.
    public static func scan(_ replica: ReplicaStore) throws -> [DataWarning] {
        var warnings: [DataWarning] = []
        try replica.forEachCustomer { customer in
            let key = String(customer.key)
            if customer.vatZone == nil || customer.vatZone == 1 || customer.vatZone == 4, let cvr = customer.cvr, !cvr.isEmpty, CVR.problem(with: cvr) != nil {
                warnings.append(DataWarning(kind: .customer, key: key, name: customer.name, rule: .cvr, value: cvr))
            }
            if let email = customer.email, !email.isEmpty, email.contains(where: { $0 == " " || $0 == ";" || $0 == "," }) {
                warnings.append(DataWarning(kind: .customer, key: key, name: customer.name, rule: .email, value: email))
            }
        }
        return warnings
    }
}
