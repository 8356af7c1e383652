/// Schema violations as a Projects API problem (REFERENCE §4.3).
extension ProblemDetails {
    /// 400 "Validation error." with one `errors[]` entry per violation, its `property`
    /// the dotted path (`name`, `numbers[2]`); the top `errorCode` is the first entry's.
    /// `missingCodes` gives a resource's own code for a missing property (`ActivityNameNullOrEmpty`).
    static func validation(_ env: RequestEnvironment, _ violations: [SchemaViolation],
                           missingCodes: [String: String] = [:]) -> EmulatorResponse {
        let errors = violations.map { violation in
            let code = violation.rule == .required ? missingCodes[violation.dottedPath] ?? violation.rule.projectsCode : violation.rule.projectsCode
            return (message: violation.message, errorCode: code, property: Optional(violation.dottedPath))
        }
        return make(400, title: "Validation error.", detail: violations.first?.message, errorCode: errors.first?.errorCode ?? "ValidationError",
                    env: env, errors: errors)
    }
}
