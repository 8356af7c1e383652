import Foundation

/// The legacy REST API's documents, as e-conomic sends them: every field
/// optional (false booleans are omitted, other fields may be), amounts as
/// exact decimals, `lastUpdated` as a timestamp string, unknown fields
/// ignored. Encoding omits nil fields: e-conomic refuses explicit `null`.
///
/// ```swift
/// let page = try response.decode(REST.Collection<REST.Customer>.self)
/// ```
public enum REST {
    /// A page of a collection: the items and the pagination block.
    public struct Collection<Item: Codable & Sendable>: Codable, Sendable {
        public var collection: [Item]
        public var pagination: Pagination?
        public var self_: String?

        enum CodingKeys: String, CodingKey {
            case collection, pagination
            case self_ = "self"
        }
    }

    /// Where a collection page stands.
    public struct Pagination: Codable, Sendable, Equatable {
        public var maxPageSizeAllowed: Int?
        public var skipPages: Int?
        public var pageSize: Int?
        public var results: Int?
        public var resultsWithoutFilter: Int?
        public var firstPage: String?
        public var previousPage: String?
        public var nextPage: String?
        public var lastPage: String?
    }

    /// A reference to another resource by number (`{"customerGroupNumber": 1}`); `self` is kept when sent.
    public struct NumberReference: Codable, Sendable, Equatable {
        public var number: Int?
        public var name: String?
        public var selfLink: String?
        let key: String

        public init(key: String, number: Int) {
            self.key = key
            self.number = number
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            let numberKey = container.allKeys.first { $0.stringValue.hasSuffix("Number") }
            key = numberKey?.stringValue ?? "number"
            number = try numberKey.flatMap { try container.decodeIfPresent(Int.self, forKey: $0) }
            name = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "name"))
            selfLink = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "self"))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(number, forKey: Key(stringValue: key))
        }
    }

    /// `GET /self`: the agreement the grant gives access to.
    public struct Agreement: Codable, Sendable {
        public struct Company: Codable, Sendable {
            public var name: String?
            public var companyIdentificationNumber: String?
        }
        public struct Application: Codable, Sendable {
            public var name: String?
            public var appNumber: Int?
            public var appPublicToken: String?
        }
        public struct Module: Codable, Sendable, Equatable {
            public var moduleNumber: Int?
            public var name: String?
        }
        public var agreementNumber: Int
        public var agreementType: NumberReference?
        public var userName: String?
        public var company: Company?
        public var application: Application?
        public var modules: [Module]?
    }

    /// e-conomic's legacy error body.
    public struct ErrorBody: Codable, Sendable {
        public var message: String?
        public var developerHint: String?
        public var logId: String?
        public var httpStatusCode: Int?
        public var logTime: String?
    }

    /// The answer to deleting draft invoices.
    public struct DeleteResult: Codable, Sendable {
        public var message: String?
        public var deletedCount: Int?
    }
}
