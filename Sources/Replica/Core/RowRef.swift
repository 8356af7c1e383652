/// A way to name a record: by local id (`42`), by e-conomic key (`e:1001`),
/// by its own number for products, employees and projects (`n:P-100`), or,
/// inside an import file, by the alias an earlier line gave it (`@hansen`).
///
/// ```swift
/// let ref = RowRef("e:1001")        // .economic("1001")
/// let id = try writer.resolve(ref!, as: .customer)
/// ```
public enum RowRef: Hashable, Sendable, LosslessStringConvertible {
    case local(Int64)
    case economic(String)
    case number(String)
    case alias(String)

    public init?(_ text: String) {
        if let id = Int64(text), id > 0 {
            self = .local(id)
        } else if text.hasPrefix("e:"), text.count > 2 {
            self = .economic(String(text.dropFirst(2)))
        } else if text.hasPrefix("n:"), text.count > 2 {
            self = .number(String(text.dropFirst(2)))
        } else if text.hasPrefix("@"), text.count > 1 {
            self = .alias(String(text.dropFirst()))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .local(let id): String(id)
        case .economic(let key): "e:\(key)"
        case .number(let number): "n:\(number)"
        case .alias(let alias): "@\(alias)"
        }
    }

    /// How to write a reference, for error messages.
    public static let syntax = "a local id (42), an e-conomic key (e:1001), a number (n:P-100) or, in import files, an alias (@name)"
}
