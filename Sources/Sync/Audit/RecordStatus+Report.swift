import Snapshot
import Vocabulary

extension RecordStatus {
    /// A record's status as scripts read it: `econsync why --json`, and each
    /// record of the panel's `/api/pending`. Each reason has its code and the English ``advice(_:in:)``.
    ///
    /// ```swift
    /// let report = RecordStatus.Report(try RecordStatus(kind: .timeEntry, id: 3, replica: replica, agreement: nil))
    /// ```
    public struct Report: Encodable, Sendable {
        /// One reason, by its ``RecordStatus/Reason/code`` and in words.
        public struct Reason: Encodable, Sendable {
            public var code: String
            public var text: String
        }

        public var kind: String
        public var id: Int64
        public var name: String?
        /// A number, text for products; null until the record is in e-conomic.
        public var economicKey: JSONValue
        /// The e-conomic order an exported registration is on; left out for every other record.
        public var orderNumber: Int64?
        public var module: String
        public var state: String
        public var reasons: [Reason]

        /// `status` as scripts read it.
        public init(_ status: RecordStatus) {
            kind = status.kind.rawValue
            id = status.id
            name = status.name
            economicKey = status.economicKey.map { LocalRecords.economicKey($0, status.kind).json } ?? .null
            orderNumber = status.orderNumber
            module = status.module.rawValue
            state = status.state.rawValue
            reasons = status.reasons.map { Reason(code: $0.code, text: status.advice($0, in: .en)) }
        }
    }
}
