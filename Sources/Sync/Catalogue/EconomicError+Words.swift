import Economic
import Vocabulary

/// An answer from e-conomic, in the office's language: what econsync says
/// about it in Danish ("Token udløbet", "e-conomic afviste adgangsnøglen"),
/// e-conomic's own message as e-conomic gave it.
extension EconomicError: WordedError {
    /// e-conomic's own message: e-conomic words it, in every language.
    public func message(_ language: Language) -> String { message }

    public func describe(_ wording: any RemedyWording, in language: Language) -> String {
        guard language == .da else { return describe(wording) }
        return switch code {
        case .tokenExpired:
            "Token udløbet: \(wording.words(for: .reconnect)) (\(request) svarede 401: \(message))"
        case .grantNotAccepted:
            "e-conomic afviste aftalens adgangsnøgle (grant token) (\(request) svarede 401: \(message)): \(wording.words(for: .checkGrantToken))"
        case .missingModule:
            "e-conomic-aftalen mangler modulet \(module ?? "der kræves"): slå det til i e-conomic (\(request) svarede 403)"
        case .rateLimited:
            "e-conomic begrænser kaldene: \(request): \(message); e-conomic tillader kun et vist antal kald pr. aftale "
                + "i hvert 60-sekunders vindue, så arbejdet venter til næste kørsel"
        case .conflict:
            "\(request): posten er ændret i e-conomic, siden den blev læst (forældet objectVersion); læs den igen, og prøv igen"
        default:
            describe(wording)
        }
    }
}
