import Vocabulary
import Foundation
import Replica

/// A deterministic generator of realistic Danish field-service data: master
/// data as imported from e-conomic, customers with valid CVR numbers, a
/// product catalogue in stk./timer/km, projects with sub-projects, employees
/// (some without an e-conomic id), and approved, unapproved and transferred
/// hours and materials. The same options give the same data.
///
/// ```swift
/// let summary = try FieldDataGenerator(.init(seed: 7, customers: 30, products: 50, projects: 20, hours: 500))
///     .generate(into: replica)
/// ```
public struct FieldDataGenerator: Sendable {
    /// How much to generate.
    public struct Options: Sendable {
        public var seed: UInt64
        public var customers: Int
        public var products: Int
        public var projects: Int
        public var hours: Int
        /// Employees; about one per five customers (3 to 50) when nil.
        public var employees: Int?
        /// Material registrations; a fifth of `hours` when nil.
        public var materials: Int?
        /// The last day with registrations; they spread over the 60 days before.
        public var until: LocalDate

        public init(seed: UInt64, customers: Int, products: Int, projects: Int, hours: Int,
                    employees: Int? = nil, materials: Int? = nil, until: LocalDate = LocalDate("2026-11-27")!) {
            self.seed = seed
            self.customers = customers
            self.products = products
            self.projects = projects
            self.hours = hours
            self.employees = employees
            self.materials = materials
            self.until = until
        }
    }

    public let options: Options

    public init(_ options: Options) {
        self.options = options
    }

    /// Writes the data into `replica`, which must hold no records yet, in one
    /// transaction; returns how many records of each kind were created.
    /// `progress` hears the counts so far after each step (master data,
    /// customers, products, employees, hour types, projects, registrations).
    @discardableResult
    public func generate(into replica: ReplicaStore, progress: @escaping ([Kind: Int]) -> Void = { _ in }) throws -> [Kind: Int] {
        try replica.write { writer in
            var run = GeneratorRun(writer: writer, options: options)
            run.progress = progress
            try run.generate()
            return run.created
        }
    }
}
