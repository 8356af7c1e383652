import Foundation

extension EconomicError {
    /// The error a non-2xx response stands for; `request` is `"METHOD URL"`
    /// without query; `tries` and `waited` (seconds) tell how long the client
    /// tried, for a 429.
    static func from(_ response: HTTPResponse, request: String, tries: Int = 1, waited: Double = 0) -> EconomicError {
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        let isProblem = json["title"] != nil || json["traceId"] != nil || response.header("content-type")?.contains("problem+json") == true
        let message = (json["message"] as? String) ?? (json["detail"] as? String).map { detail in
            [(json["title"] as? String), detail].compactMap { $0 }.joined(separator: " ")
        } ?? (json["title"] as? String) ?? "HTTP status \(response.status)"
        let errorCode = (json["errorCode"] as? String) ?? Self.firstLegacyCode(json["errors"])
        var error = EconomicError(
            .http, status: response.status, message: message, errorCode: errorCode,
            developerHint: json["developerHint"] as? String, logId: (json["logId"] as? String) ?? (json["traceId"] as? String),
            fieldErrors: isProblem ? Self.problemFields(json["errors"]) : Self.legacyFields(json["errors"], path: ""), request: request)
        switch response.status {
        case 401: error.code = .tokenExpired
        case 403:
            if errorCode == "AccessDeniedAgreementMissingModules" || message.localizedCaseInsensitiveContains("missing modules") {
                error.code = .missingModule
                let title = (json["title"] as? String) ?? message
                error.module = title.components(separatedBy: ":").dropFirst().joined(separator: ":").trimmingCharacters(in: .whitespaces)
                if error.module?.isEmpty == true { error.module = nil }
            } else {
                error.code = .forbidden
            }
        case 404: error.code = .notFound
        case 400, 422: error.code = .validation
        case 409: error.code = .conflict
        case 429:
            error.code = .rateLimited
            let span = waited >= 60 ? "for over a minute" : "for \(Int(waited.rounded())) s"
            error.message = "e-conomic kept refusing calls with 429 Too Many Requests \(span) (\(tries) tries)"
                + (json["message"] == nil && json["detail"] == nil && json["title"] == nil ? "" : ": \(message)")
        case 500...599: error.code = .server
        default: break
        }
        return error
    }

    /// Problem+json `errors`: `[{message, errorCode, property}]`.
    static func problemFields(_ value: Any?) -> [FieldError] {
        guard let items = value as? [[String: Any]] else { return [] }
        return items.map { item in
            FieldError(field: (item["property"] as? String) ?? "", message: (item["message"] as? String) ?? "", errorCode: item["errorCode"] as? String)
        }
    }

    /// Legacy `errors`: an object mirroring the request, each refused field
    /// holding `{"errors": [{errorCode, message}]}`, arrays as objects with `arrayIndex`.
    static func legacyFields(_ value: Any?, path: String) -> [FieldError] {
        if let list = value as? [String] {
            return list.map { FieldError(field: path, message: $0, errorCode: nil) }
        }
        if let items = value as? [[String: Any]] {
            return items.flatMap { item -> [FieldError] in
                if item["message"] != nil, path.isEmpty == false || item["errorCode"] != nil, item["arrayIndex"] == nil {
                    return [FieldError(field: path, message: (item["message"] as? String) ?? "", errorCode: item["errorCode"] as? String)]
                }
                let index = (item["arrayIndex"] as? Int).map { "[\($0)]" } ?? ""
                return legacyFields(item.filter { $0.key != "arrayIndex" }, path: path + index)
            }
        }
        guard let object = value as? [String: Any] else { return [] }
        return object.keys.sorted().flatMap { key -> [FieldError] in
            if key == "errors" { return legacyFields(object[key], path: path) }
            return legacyFields(object[key], path: path.isEmpty ? key : "\(path).\(key)")
        }
    }

    static func firstLegacyCode(_ value: Any?) -> String? {
        if let object = value as? [String: Any] {
            if let code = object["errorCode"] as? String { return code }
            for key in object.keys.sorted() { if let code = firstLegacyCode(object[key]) { return code } }
        }
        if let items = value as? [Any] {
            for item in items { if let code = firstLegacyCode(item) { return code } }
        }
        return nil
    }
}
