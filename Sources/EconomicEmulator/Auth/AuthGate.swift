/// Which API family a request is for: their errors have different shapes.
enum APIFamily: Sendable {
    /// Legacy REST: errors as `{message, developerHint, logId, …}`.
    case rest
    /// The OpenAPI Projects service: errors as `application/problem+json`.
    case projects
}

/// Checks `X-AppSecretToken` and `X-AgreementGrantToken` (REFERENCE §1): both
/// are required; `demo`/`demo` reads but may not write (403); an unknown or
/// revoked grant is 401, in the error shape of the request's API family.
enum AuthGate {
    enum Outcome {
        case allowed
        case denied(EmulatorResponse)
    }

    static func check(_ env: RequestEnvironment, family: APIFamily, state: EmulatorState) -> Outcome {
        let request = env.request
        let configuration = state.configuration
        var secret = request.header("x-appsecrettoken")
        var grant = request.header("x-agreementgranttoken")
        if secret == nil, grant == nil, request.query("demo")?.lowercased() == "true" {
            secret = "demo"
            grant = "demo"
        }
        func unauthorized(_ reason: String) -> Outcome {
            .denied(family == .rest ? LegacyErrors.unauthorized(env, reason) : ProblemDetails.unauthorized(env, reason))
        }
        guard let secret, !secret.isEmpty else { return unauthorized("The X-AppSecretToken header is missing.") }
        guard let grant, !grant.isEmpty else { return unauthorized("The X-AgreementGrantToken header is missing.") }
        if secret == "demo", grant == "demo", configuration.demoEnabled {
            if request.isWrite {
                let message = "The demo agreement is read-only: only GET requests are allowed with the demo tokens."
                return .denied(family == .rest ? LegacyErrors.forbidden(env, message)
                                               : ProblemDetails.forbidden(env, "AccessDeniedDemoIsReadOnly", message))
            }
            return moduleCheck(env, family: family, state: state)
        }
        guard configuration.appSecretTokens.contains(secret) else { return unauthorized("The app secret token is not known.") }
        if state.revoked.contains(grant) { return unauthorized("The agreement has revoked this grant.") }
        guard state.grants.contains(grant) else { return unauthorized("The agreement grant token is not known.") }
        return moduleCheck(env, family: family, state: state)
    }

    /// Without the Projects module every Projects API collection but employees is 403.
    static func moduleCheck(_ env: RequestEnvironment, family: APIFamily, state: EmulatorState) -> Outcome {
        guard family == .projects, !state.configuration.projectsModule else { return .allowed }
        let resource = env.request.segments.dropFirst(2).first?.lowercased() ?? ""
        if resource == "employees" || resource == "employeegroups" { return .allowed }
        return .denied(ProblemDetails.forbidden(env, "AccessDeniedAgreementMissingModules", "Missing modules: Project"))
    }
}
