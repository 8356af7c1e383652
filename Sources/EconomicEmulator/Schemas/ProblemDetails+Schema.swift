/// Schema violations as a Projects API problem (REFERENCE §4.3).
extension ProblemDetails {
    /// 400 "Validation error." with one `errors[]` entry per violation, its `property`
    /// the dotted path (`name`, `numbers[2]`); the top `errorCode` is the first entry's.
    static func validation(_ env: RequestEnvironment, _ violations: [SchemaViolation]) -> EmulatorResponse {
        let errors = violations.map { (message: $0.message, errorCode: $0.rule.projectsCode, property: Optional($0.dottedPath)) }
        return make(400, title: "Validation error.", detail: violations.first?.message, errorCode: errors.first?.errorCode ?? "ValidationError",
                    env: env, errors: errors)
    }
}
