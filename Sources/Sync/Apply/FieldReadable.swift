import Replica
import Snapshot

/// A record type a pull builds from its properties' values read in a fixed
/// order (``FieldReader``), without `Decodable`: what a first pull builds each
/// of 100,000 customers with. It reads exactly what its `Decodable`
/// conformance decodes, with the same values and the same errors.
///
/// ```swift
/// var reader = FieldReader(names: Customer.readFields, values: Customer.readFields.map { properties[$0] })
/// let customer = try Customer(reading: &reader)
/// ```
protocol FieldReadable: ReplicaRecord {
    /// Every property `Decodable` decodes, by its coding name, in the order ``init(reading:)`` reads them.
    static var readFields: [String] { get }
    /// The record of the values `fields` holds in the order of ``readFields``.
    init(reading fields: inout FieldReader) throws
}

// Each reads its properties in the order they are declared, which is the
// order `Decodable` decodes them in (and the order of the type's `Columns`,
// which name them): the first of two values that do not fit is the one
// refused, as `Decodable` refuses it.

extension Customer: FieldReadable {
    static let readFields = Columns.allCases.map { "\($0)" }

    init(reading fields: inout FieldReader) throws {
        let (id, foreignKey, department) = (try fields.optionalInt64(), try fields.optionalInt(), try fields.optionalInt())
        let (name, cvr, address, zip) = (try fields.string(), try fields.optionalString(), try fields.optionalString(), try fields.optionalString())
        let (city, country, phone, email) = (try fields.optionalString(), try fields.optionalString(), try fields.optionalString(),
                                             try fields.optionalString())
        let (currency, customerGroupId, paymentTermId, vatZoneId) = (try fields.string(), try fields.optionalInt64(), try fields.optionalInt64(),
                                                                     try fields.optionalInt64())
        let (barred, syncedHash, tombstone) = (try fields.bool(), try fields.optionalString(), try fields.bool())
        self.init(id: id, foreignKey: foreignKey, department: department, name: name, cvr: cvr, address: address, zip: zip, city: city,
                  country: country, phone: phone, email: email, currency: currency, customerGroupId: customerGroupId,
                  paymentTermId: paymentTermId, vatZoneId: vatZoneId, barred: barred, tombstone: tombstone)
        self.syncedHash = syncedHash
    }
}

extension Product: FieldReadable {
    static let readFields = Columns.allCases.map { "\($0)" }

    init(reading fields: inout FieldReader) throws {
        let (id, foreignKey, department) = (try fields.optionalInt64(), try fields.optionalString(), try fields.optionalInt())
        let (number, name, salesPrice, costPrice) = (try fields.string(), try fields.string(), try fields.optionalDouble(), try fields.optionalDouble())
        let (unitId, productGroupId) = (try fields.optionalInt64(), try fields.optionalInt64())
        let (barred, syncedHash, tombstone) = (try fields.bool(), try fields.optionalString(), try fields.bool())
        self.init(id: id, foreignKey: foreignKey, department: department, number: number, name: name, salesPrice: salesPrice,
                  costPrice: costPrice, unitId: unitId, productGroupId: productGroupId, barred: barred, tombstone: tombstone)
        self.syncedHash = syncedHash
    }
}
