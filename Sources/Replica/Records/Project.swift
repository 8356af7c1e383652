import Vocabulary
internal import GRDB
import Foundation

/// A project, or a sub-project of a main project: e-conomic Projects API `/Projects`.
public struct Project: ReplicaRecord, Equatable {
    public static let kind = Kind.project
    public static let mappedColumns = names(.number, .name, .customerId, .parentId, .projectGroup, .description, .barred, .closed)
    public static let references = [
        Reference(Columns.customerId.rawValue, .customer),
        Reference(Columns.parentId.rawValue, .project),
    ]

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    /// The project number (e-conomic assigns one when omitted).
    public var number: Int?
    public var name: String
    public var customerId: Int64?
    /// The main project, when this is a sub-project.
    public var parentId: Int64?
    /// e-conomic's `projectGroupNumber`.
    public var projectGroup: Int?
    public var description: String?
    /// Barred projects take no new registrations (e-conomic's `isBarred`).
    public var barred: Bool
    /// Closed projects take no new registrations (e-conomic's `isClosed`).
    public var closed: Bool
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, number: Int? = nil,
                name: String, customerId: Int64? = nil, parentId: Int64? = nil, projectGroup: Int? = nil,
                description: String? = nil, barred: Bool = false, closed: Bool = false, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.number = number
        self.name = name
        self.customerId = customerId
        self.parentId = parentId
        self.projectGroup = projectGroup
        self.description = description
        self.barred = barred
        self.closed = closed
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        name = name.trimmingCharacters(in: .whitespaces)
    }

    public func validate(_ check: Validation, previous: Project?) throws {
        try check.text(name, "name", max: 100)
        try check.optionalText(description, "description", max: 2500)
        if let number, !(1...999_999_999).contains(number) {
            throw check.error(field: "number", .outOfRange("\(number)", .projectNumber))
        }
        try check.unique("number", number, field: "number")
        try check.references(["customer_id": customerId, "parent_id": parentId])
        if let parentId {
            try validateParent(parentId, check)
        }
        if let previous {
            try check.immutableOnceSynced(previous.parentId, parentId, field: "parent", existsInEconomic: previous.foreignKey != nil,
                                          why: .mainProject)
        }
    }

    private func validateParent(_ parentId: Int64, _ check: Validation) throws {
        if parentId == id {
            throw check.error(field: "parent", .ownMainProject)
        }
        let grandparent = try check.fetchCount("SELECT count(*) FROM projects WHERE id = ? AND parent_id IS NOT NULL", [parentId])
        if grandparent > 0 {
            throw check.error(field: "parent", .mainIsSubProject(parentId))
        }
        if let id {
            let children = try check.fetchCount("SELECT count(*) FROM projects WHERE parent_id = ? AND tombstone = 0", [id])
            if children > 0 {
                throw check.error(field: "parent", .hasSubProjects(children))
            }
        }
    }
}

extension Project {
    /// The columns of `projects`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case number
        case name
        case customerId = "customer_id"
        case parentId = "parent_id"
        case projectGroup = "project_group"
        case description
        case barred
        case closed
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Project: ColumnNaming {}
