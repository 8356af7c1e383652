extension PendingRecords {
    /// The waiting records as a script reads them (`econsync pending --json`, the panel's `/api/pending`):
    /// each as `econsync why --json` gives it, and how many wait in all.
    public struct Report: Encodable, Sendable {
        public var records: [RecordStatus.Report]
        public var total: Int

        public init(_ pending: PendingRecords) {
            records = pending.records.map(RecordStatus.Report.init)
            total = pending.total
        }
    }
}
