import Vocabulary

/// An audit's findings and the data warnings in words every front end
/// shares (`econsync audit`, `status`, the panel's "Revision").
///
/// ```swift
/// Audit.Finding.Problem.missingInReplica.words(.da)   // "mangler i Mobilplan"
/// ```
extension Audit.Finding.Problem {
    /// The discrepancy in `language`; in English as `econsync audit` has always said it.
    public func words(_ language: Language) -> String {
        guard language == .da else { return rawValue }
        return switch self {
        case .missingInEconomic: "mangler i e-conomic"
        case .missingInReplica: "mangler i Mobilplan"
        case .mismatch: "felter afviger"
        case .approvedNotTransferred: "godkendt, ikke overført"
        case .withoutKey: "uden e-conomic-nummer"
        }
    }
}

extension Audit.Finding {
    /// The finding in `language`: the record, the discrepancy and, for a mismatch, each field's two values.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        let detail = fields.map { "\($0.field): Mobilplan \($0.replica), e-conomic \($0.economic)" }.joined(separator: "; ")
        return "\(kind.noun(.da)) \(key): \(problem.words(.da))\(detail.isEmpty ? "" : " (\(detail))")"
    }
}

extension DataWarning {
    /// What is wrong with the value in `language`: "CVR \"Test\" er ikke et dansk CVR-nummer".
    public func words(_ language: Language) -> String {
        let da = language == .da
        return switch rule {
        case .cvr: da ? "CVR \"\(value)\" er ikke et dansk CVR-nummer" : "CVR \"\(value)\" is not a Danish CVR number"
        case .email: da ? "e-mailfeltet \"\(value)\" rummer mere end én adresse" : "the e-mail field \"\(value)\" holds more than one address"
        }
    }

    /// The warning in `language`, naming the record: "kunde 1012 (Hansen VVS ApS): …"; in English its ``description``.
    public func line(_ language: Language) -> String {
        guard language == .da else { return description }
        return "\(kind.noun(.da)) \(key) (\(name)): \(words(.da))"
    }
}
