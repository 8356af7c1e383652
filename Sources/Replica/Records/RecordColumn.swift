internal import GRDB

/// The columns every record table starts with (see ``ReplicaSchema/commonColumns(foreignKeyType:)``),
/// for SQL that works on any kind's table; each record type's own `Columns`
/// names them again beside its other columns, for its properties.
enum RecordColumn: String, ColumnExpression {
    case id
    case foreignKey = "foreign_key"
    case department
    case syncedHash = "synced_hash"
    case tombstone

    /// `ifnull(department, -1)`, the department as the unique indexes key it.
    static let departmentKey = "ifnull(department, -1)"
}
