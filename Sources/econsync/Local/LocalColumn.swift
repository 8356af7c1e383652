import Sync

/// A column of the `local` commands' tables: its heading in English (the
/// raw value, as the listings have always shown it) and in Danish.
///
/// ```swift
/// LocalColumn.headings([.id, .name, .hourType], in: .da)   // ["ID", "NAVN", "TIMETYPE"]
/// ```
enum LocalColumn: String, CaseIterable {
    case id = "ID", economic = "E-CONOMIC", number = "NUMBER", name = "NAME", customer = "CUSTOMER", cvr = "CVR", city = "CITY"
    case email = "EMAIL", phone = "PHONE", group = "GROUP", state = "STATE", status = "STATUS", note = "NOTE"
    case costPerHour = "COST/H", salesPerHour = "SALES/H", sales = "SALES", cost = "COST", unit = "UNIT"
    case activity = "ACTIVITY", product = "PRODUCT", date = "DATE", quantity = "QUANTITY", project = "PROJECT"
    case mainProject = "MAIN PROJECT", employee = "EMPLOYEE", hourType = "HOUR TYPE", hours = "HOURS"
    case sequence = "SEQ", kind = "KIND", row = "ROW", operation = "OPERATION", at = "AT", unsynced = "UNSYNCED", ids = "IDS"

    /// The heading in `language`.
    func heading(_ language: Language) -> String {
        guard language == .da else { return rawValue }
        return switch self {
        case .id: "ID"
        case .economic: "E-CONOMIC"
        case .number: "NUMMER"
        case .name: "NAVN"
        case .customer: "KUNDE"
        case .cvr: "CVR"
        case .city: "BY"
        case .email: "E-MAIL"
        case .phone: "TELEFON"
        case .group: "GRUPPE"
        case .state: "TILSTAND"
        case .status: "STATUS"
        case .note: "NOTE"
        case .costPerHour: "KOST/T"
        case .salesPerHour: "SALG/T"
        case .sales: "SALGSPRIS"
        case .cost: "KOSTPRIS"
        case .unit: "ENHED"
        case .activity: "AKTIVITET"
        case .product: "VARE"
        case .date: "DATO"
        case .quantity: "ANTAL"
        case .project: "PROJEKT"
        case .mainProject: "HOVEDPROJEKT"
        case .employee: "MEDARBEJDER"
        case .hourType: "TIMETYPE"
        case .hours: "TIMER"
        case .sequence: "NR"
        case .kind: "ART"
        case .row: "RÆKKE"
        case .operation: "HANDLING"
        case .at: "TID"
        case .unsynced: "IKKE SYNKRONISERET"
        case .ids: "ID'ER"
        }
    }

    /// The headings of `columns` in `language`.
    static func headings(_ columns: [LocalColumn], in language: Language = Speech.language) -> [String] {
        columns.map { $0.heading(language) }
    }
}
