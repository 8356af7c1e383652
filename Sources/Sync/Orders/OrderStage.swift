/// Where e-conomic keeps an order: among the drafts, the sent orders or the
/// archived ones (REFERENCE §3.14). An order keeps its number from one to
/// the next; an exported draft in none of them was deleted.
///
/// ```swift
/// OrderStage.sent.path   // "/orders/sent"
/// ```
enum OrderStage: String, CaseIterable, Sendable {
    case draft, sent, archived

    /// The collection the order is listed in.
    var path: String {
        switch self {
        case .draft: "/orders/drafts"
        case .sent: "/orders/sent"
        case .archived: "/orders/archived"
        }
    }
}
