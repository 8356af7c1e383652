import Foundation
import Snapshot

/// e-conomic's published write schemas, shipped as resources of this target
/// (`Schemas/Published`) so the emulator checks writes wherever it runs; read
/// and parsed once, on first use.
///
/// ```swift
/// let schema = SchemaCatalog.shared.legacy(.customer, .post)   // customers.post.schema.json
/// let project = SchemaCatalog.shared.projects(.projects)        // components/schemas/Project
/// ```
struct SchemaCatalog: Sendable {
    /// The draft-03 schemas, by file name without `.schema.json`.
    let legacySchemas: [String: JSONSchema]
    /// `components.schemas` of `openapi-Projects.json`.
    let projectsComponents: [String: JSONSchema]

    /// The catalog built from the shipped resources. A missing or unreadable
    /// file is a packaging fault, not a runtime condition: it stops the process
    /// with the file's name.
    static let shared: SchemaCatalog = {
        do {
            return try SchemaCatalog(directory: resourceDirectory())
        } catch {
            preconditionFailure("The emulator's published schemas cannot be read: \(error)")
        }
    }()

    /// Where the schemas are: the `Published` folder of this target's resource bundle.
    static func resourceDirectory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Published", withExtension: nil) else {
            throw CatalogError(file: "Published", reason: "not in the resource bundle \(Bundle.module.bundlePath)")
        }
        return url
    }

    /// Reads every legacy schema ``LegacyWriteSchema`` names and the Projects spec from `directory`.
    init(directory: URL) throws {
        var legacy: [String: JSONSchema] = [:]
        for schema in LegacyWriteSchema.allCases {
            for method in WriteMethod.allCases {
                let name = schema.file(method)
                legacy[name] = JSONSchema(try Self.read(directory, "\(name).schema.json"))
            }
        }
        legacySchemas = legacy
        let spec = try Self.read(directory, "openapi-Projects.json")
        projectsComponents = (spec["components"]?["schemas"]?.objectValue ?? [:]).mapValues(JSONSchema.init)
        for schema in ProjectsWriteSchema.allCases where projectsComponents[schema.component] == nil {
            throw CatalogError(file: "openapi-Projects.json", reason: "no component \(schema.component)")
        }
    }

    static func read(_ directory: URL, _ file: String) throws -> JSONValue {
        let url = directory.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogError(file: file, reason: "cannot be read at \(url.path)")
        }
        do {
            return try LenientJSON.parse(Array(data))
        } catch {
            throw CatalogError(file: file, reason: "is not JSON: \(error)")
        }
    }

    /// The schema a legacy write of `schema` by `method` must satisfy.
    func legacy(_ schema: LegacyWriteSchema, _ method: WriteMethod) -> JSONSchema {
        legacySchemas[schema.file(method)]!
    }

    /// The component a Projects API write must satisfy.
    func projects(_ schema: ProjectsWriteSchema) -> JSONSchema {
        projectsComponents[schema.component]!
    }

    /// The validator for writes to the Projects API (it resolves `$ref`s into its components).
    var projectsValidator: SchemaValidator { SchemaValidator(components: projectsComponents, ignoresReadOnly: true) }

    /// The validator for legacy writes (draft-03 files do not reference each other).
    static let legacyValidator = SchemaValidator(components: [:], ignoresReadOnly: true)

    /// A schema file that could not be loaded.
    struct CatalogError: Error, CustomStringConvertible {
        var file: String
        var reason: String
        var description: String { "\(file) \(reason)" }
    }
}

/// The two write methods that carry a body to check.
enum WriteMethod: String, Sendable, CaseIterable {
    case post = "POST", put = "PUT"
}
