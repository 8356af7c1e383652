/// Schema violations in the legacy error shape (REFERENCE §2.6).
extension ValidationErrors {
    /// Adds each violation at its place in the payload, with its e-conomic code and value.
    mutating func add(_ violations: [SchemaViolation]) {
        for violation in violations {
            add(violation.path, code: violation.rule.legacyCode, message: violation.message, value: violation.value,
                hint: violation.rule == .required ? "Please check your request data." : "Please check the format of your data.")
        }
    }
}
