/// One registration picked for an order export: a time entry or a material
/// registration, by local id. Spelled `12` for a time entry and `m:3` for a
/// material.
///
/// ```swift
/// RegistrationRef("m:3")   // .material(3)
/// RegistrationRef("12")    // .timeEntry(12)
/// RegistrationRef("x")     // nil
/// ```
public enum RegistrationRef: Hashable, Sendable, LosslessStringConvertible {
    case timeEntry(Int64)
    case material(Int64)

    private static let materialPrefix = "m:"

    public init?(_ description: String) {
        let material = description.hasPrefix(Self.materialPrefix)
        guard let id = Int64(material ? String(description.dropFirst(Self.materialPrefix.count)) : description), id > 0 else {
            return nil
        }
        self = material ? .material(id) : .timeEntry(id)
    }

    public var description: String {
        switch self {
        case .timeEntry(let id): String(id)
        case .material(let id): Self.materialPrefix + String(id)
        }
    }
}

extension OrderExportRequest {
    /// Limits the export to `registrations` (all of them when empty). When
    /// neither hours nor materials were asked for, the kinds picked decide.
    public mutating func select(_ registrations: [RegistrationRef]) {
        guard !registrations.isEmpty else { return }
        var hours: [Int64] = []
        var materials: [Int64] = []
        for registration in registrations {
            switch registration {
            case .timeEntry(let id): hours.append(id)
            case .material(let id): materials.append(id)
            }
        }
        (hourIDs, materialIDs) = (hours, materials)
        if self.hours == nil { (self.hours, self.materials) = (!hours.isEmpty, !materials.isEmpty) }
    }
}
