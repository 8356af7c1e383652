import GRDB

extension ReplicaWriter {
    /// The local ids of the registrations of type `R` exported on local order `orderID`, deleted or not.
    public func registrationIDs<R: Registration>(_ type: R.Type, onOrder orderID: Int64) throws -> [Int64] {
        try R.all().onOrder(orderID).select(TimeEntry.Columns.id.column, as: Int64.self).fetchAll(db)
    }
}
