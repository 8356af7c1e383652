import Reconcile
import Vocabulary

/// A refused setting in words every front end shares: `econsync config set`,
/// `econsync setup`, a settings file and the panel's settings form word the
/// same problem alike, in Danish or English.
///
/// ```swift
/// let error = ConfigError(.value(setting: "orders.grouping", value: "weekly", .notOneOf(["none", "type"])))
/// error.message(.da)   // orders.grouping skal være en af none, type (angivet: "weekly")
/// ```
extension ConfigError: WordedError {
    /// What is wrong in `language`, naming the settings file it came from.
    public func message(_ language: Language) -> String {
        let text = problem.words(language)
        return source.map { "\($0): \(text)" } ?? text
    }
}

extension ConfigError.Problem {
    /// What is wrong in `language`.
    func words(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .unknownSetting(let name, let guess):
            let nearest = guess.map { da ? " (mente du \"\($0)\"?)" : " (did you mean \"\($0)\"?)" } ?? ""
            return (da ? "ukendt indstilling \"\(name)\"" : "unknown setting \"\(name)\"") + nearest
        case .value(let setting, let value, let problem):
            return "\(setting) \(problem.words(language)) (\(da ? "angivet:" : "got") \"\(value)\")"
        case .notAnObject:
            return da ? "ikke et JSON-objekt med indstillinger (navne og værdier, som konfigurationseksporten skriver dem)"
                : "not a JSON object of settings (names and values, as the configuration export writes them)"
        case .notAValue(let setting):
            return da ? "\(setting) skal være en tekst, et tal eller true/false" : "\(setting) must be a string, a number or true/false"
        case .passwordFileInDataDirectory(let path):
            return da ? "smtp.passwordFile \(path) ligger i datamappen, som rummer econsyncs egne filer og adgangsoplysninger; "
                + "læg SMTP-adgangskoden i en fil for sig et andet sted"
                : "smtp.passwordFile \(path) is inside the data directory, which holds econsync's own "
                + "files and credentials; keep the SMTP password in a file of its own elsewhere"
        case .passwordFileMissing(let path):
            return da ? "smtp.passwordFile \(path) er ikke en fil, der kan læses" : "smtp.passwordFile \(path) is not a file that can be read"
        case .passwordFileOpen(let path, let mode):
            let octal = String(mode & 0o777, radix: 8)
            return da ? "smtp.passwordFile \(path) kan læses af andre (rettigheder \(octal)); gør den læsbar for ejeren alene (rettigheder 600)"
                : "smtp.passwordFile \(path) can be read by others (mode \(octal)); make it readable by its owner only (mode 600)"
        case .passwordFileUnreadable(let path):
            return da ? "smtp.passwordFile \(path) kan ikke læses" : "smtp.passwordFile \(path) cannot be read"
        case .smtpUnusable(let reason):
            return da ? "smtp.*-indstillingerne kan ikke bruges: \(reason)" : "the smtp.* settings cannot be used: \(reason)"
        }
    }
}

extension SettingProblem {
    /// Why the value does not fit, in `language`: "skal være true eller false"; in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .notEither(let one, let other): "skal være \(one) eller \(other)"
        case .notOneOf(let values): "skal være en af " + values.joined(separator: ", ")
        case .notWholeNumber(let range) where range.upperBound == Int.max: "skal være et helt tal, \(range.lowerBound) eller mere"
        case .notWholeNumber(let range): "skal være et helt tal fra \(range.lowerBound) til \(range.upperBound)"
        case .notGroupNumber(.product): "skal være et varegruppenummer (1 eller mere)"
        case .notGroupNumber(.project): "skal være et projektgruppenummer (1 eller mere)"
        case .empty: "må ikke være tom"
        case .tooLong(let max): "må højst være \(max) tegn"
        case .notSMTPAddress: "skal begynde med smtp:// eller smtps://"
        case .notEmailAddress: "skal være en e-mailadresse"
        case .notEmailAddresses: "skal være e-mailadresser adskilt af kommaer"
        case .notUTCTime: "skal være et UTC-tidspunkt som 2026-11-02T08:00:00Z"
        case .template(let problem): problem.words(.da)
        }
    }
}

extension OrderTemplate.Problem {
    /// What is wrong with the template, in `language`; in English its ``description``.
    public func words(_ language: Language) -> String {
        guard language == .da else { return description }
        return switch self {
        case .loneDollarAtEnd(let template): "enligt $ i slutningen af \"\(template)\""
        case .loneDollar(let before, let template): "enligt $ før \"\(before)\" i \"\(template)\""
        case .unknownVariable(let name, let template): "ukendt variabel $\(name) i \"\(template)\""
        }
    }
}
