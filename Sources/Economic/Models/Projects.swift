import Foundation

/// The Projects API 1.1.0 documents (`/projectsapi/v1.1.0`), as e-conomic
/// sends them: booleans only when true, nil fields omitted on write.
///
/// ```swift
/// let page = try response.decode(Projects.CursorPage<Projects.TimeEntry>.self)
/// ```
public enum Projects {
    /// A cursor listing page; `cursor` is absent on the last page.
    public struct CursorPage<Item: Codable & Sendable>: Codable, Sendable {
        public var cursor: String?
        public var items: [Item]
    }

    /// The answer to a create: the new record's number.
    public struct Created: Codable, Sendable, Equatable {
        public var number: Int
    }

    /// `/Projects`.
    public struct Project: Codable, Sendable, Equatable {
        public var number: Int?
        public var name: String?
        public var projectGroupNumber: Int?
        public var customerNumber: Int?
        public var isMainProject: Bool?
        public var mainProjectNumber: Int?
        public var isBarred: Bool?
        public var isClosed: Bool?
        public var description: String?
        public var departmentNumber: Int?
        public var responsibleEmployeeNumber: Int?
        public var lastUpdated: String?
        public var objectVersion: String?
    }

    /// `/Activities` (the brief's hour types).
    public struct Activity: Codable, Sendable, Equatable {
        public var number: Int?
        public var groupNumber: Int?
        public var name: String?
        public var isBarred: Bool?
        public var objectVersion: String?
    }

    /// `/TimeEntries`.
    public struct TimeEntry: Codable, Sendable, Equatable {
        public var number: Int?
        public var projectNumber: Int?
        public var activityNumber: Int?
        public var employeeNumber: Int?
        /// `2026-11-02T00:00:00`.
        public var date: String?
        public var text: String?
        public var numberOfHours: Decimal?
        public var isApproved: Bool?
        public var lastUpdated: String?
        public var objectVersion: String?

        public init(projectNumber: Int, activityNumber: Int, employeeNumber: Int, date: String, text: String?, numberOfHours: Decimal) {
            self.projectNumber = projectNumber
            self.activityNumber = activityNumber
            self.employeeNumber = employeeNumber
            self.date = date
            self.text = text
            self.numberOfHours = numberOfHours
        }
    }

    /// `POST /TimeEntries/approve`.
    public struct Approval: Codable, Sendable, Equatable {
        public var numbers: [Int]
        /// 0: end of month or current day; 1: the registration date.
        public var bookOn: Int?

        public init(numbers: [Int], bookOn: Int? = nil) {
            self.numbers = numbers
            self.bookOn = bookOn
        }
    }

    /// `/Employees`.
    public struct Employee: Codable, Sendable, Equatable {
        public var number: Int?
        public var groupNumber: Int?
        public var name: String?
        public var email: String?
        public var phone: String?
        public var isBarred: Bool?
        public var objectVersion: String?
    }

    /// `/ProjectGroups`.
    public struct ProjectGroup: Codable, Sendable, Equatable {
        public var number: Int?
        public var name: String?
        public var type: Int?
        public var objectVersion: String?
    }

    /// e-conomic's `application/problem+json` body.
    public struct Problem: Codable, Sendable {
        public struct FieldError: Codable, Sendable {
            public var message: String?
            public var errorCode: String?
            public var property: String?
        }
        public var type: String?
        public var title: String?
        public var status: Int?
        public var detail: String?
        public var errors: [FieldError]?
        public var errorCode: String?
        public var traceId: String?
    }
}
