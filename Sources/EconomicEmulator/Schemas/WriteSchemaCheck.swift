import Snapshot

/// The first check of every write body: e-conomic's published schema for the
/// resource and method, before any rule of the emulator's own. A refused write
/// answers 400 in its API family's error shape and changes nothing.
///
/// ```swift
/// if let refusal = WriteSchemaCheck.legacy(.customer, body: fields, env: env) { return refusal }
/// ```
enum WriteSchemaCheck {
    /// The legacy 400 "Validation error." for a body that breaks `schema`'s POST or PUT schema; nil when it passes.
    static func legacy(_ schema: LegacyWriteSchema, body: [String: JSONValue], env: RequestEnvironment) -> EmulatorResponse? {
        let violations = SchemaCatalog.legacyValidator.violations(of: .object(body),
                                                                   against: SchemaCatalog.shared.legacy(schema, WriteMethod(env.request)))
        guard !violations.isEmpty else { return nil }
        var errors = ValidationErrors()
        errors.add(violations)
        return LegacyErrors.validation(env, errors)
    }

    /// The legacy check for a ``RESTResource`` the emulator writes (every writable one has a schema).
    static func legacy(_ resource: RESTResource, body: [String: JSONValue], env: RequestEnvironment) -> EmulatorResponse? {
        guard let schema = LegacyWriteSchema(kind: resource.kind) else { return nil }
        return legacy(schema, body: body, env: env)
    }

    /// The Projects API problem for a body that breaks `schema`'s component; nil when it passes.
    /// `missingCodes`: the resource's own error code for a missing property, by name.
    static func projects(_ schema: ProjectsWriteSchema, body: [String: JSONValue], env: RequestEnvironment,
                         missingCodes: [String: String] = [:]) -> EmulatorResponse? {
        let catalog = SchemaCatalog.shared
        let violations = catalog.projectsValidator.violations(of: .object(body), against: catalog.projects(schema))
        guard !violations.isEmpty else { return nil }
        return ProblemDetails.validation(env, violations, missingCodes: missingCodes)
    }

    /// A legacy write's properties as e-conomic takes them: those its schema does not
    /// name are ignored (REFERENCE §2.5), so a replace keeps their stored values. The
    /// key is kept even where the schema omits it (`unitNumber`, `paymentTermsNumber`):
    /// REFERENCE §2.5 has those numbers assigned only when omitted.
    static func settable(_ fields: [String: JSONValue], of resource: RESTResource, env: RequestEnvironment,
                         existing: [String: JSONValue]?) -> [String: JSONValue] {
        guard let schema = LegacyWriteSchema(kind: resource.kind) else { return fields }
        let named = SchemaCatalog.shared.legacy(schema, WriteMethod(env.request)).properties
        var kept = fields.filter { named[$0.key] != nil || $0.key == resource.keyField }
        for (name, value) in existing ?? [:] where named[name] == nil { kept[name] = value }
        return kept
    }
}
