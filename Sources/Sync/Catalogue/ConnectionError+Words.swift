import Vocabulary

/// A connection refused, in the office's language: "bevillingen gælder aftale
/// 2, men econsync er forbundet til aftale 1".
extension ConnectionError: WordedError {
    public func message(_ language: Language) -> String {
        problem.words(language)
    }
}

extension ConnectionError.Problem {
    /// The problem in `language`: in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .otherAgreement(let granted, let connected):
            "bevillingen gælder aftale \(granted), men econsync er forbundet til aftale \(connected)"
        case .agreementInUse(let agreement, let department):
            "e-conomic-aftale \(agreement) er allerede forbundet for \(department.map { "afdeling \($0)" } ?? "posterne uden afdeling"); "
                + "hver afdeling skal have sin egen aftale"
        case .notConnected: "econsync er ikke forbundet til e-conomic"
        case .noPublicToken:
            "den gemte forbindelse har intet app public token, så e-conomics side til at give adgang kan ikke åbnes for den"
        }
    }
}
