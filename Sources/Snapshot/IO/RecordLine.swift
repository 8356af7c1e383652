/// A record line as read from a snapshot: its kind and key (read from the
/// line's prefix without parsing the data) and its canonical bytes.
///
/// Comparing two snapshots compares these bytes; only lines that differ are
/// parsed into a ``Record``.
public struct RecordLine: Sendable, Equatable {
    public let kind: String
    public let key: RecordKey
    /// The line's bytes, without the newline.
    public let bytes: [UInt8]

    /// The line `bytes` of a record written by ``Record/appendLine(to:)``
    /// (canonical, without the newline), its kind and key read from its
    /// prefix; nil when the bytes do not start as a record line does.
    ///
    /// ```swift
    /// var bytes: [UInt8] = []
    /// record.appendLine(to: &bytes)
    /// try writer.append(RecordLine(canonical: bytes)!)
    /// ```
    public init?(canonical bytes: [UInt8]) {
        guard let prefix = bytes.withUnsafeBufferPointer(Self.prefix) else { return nil }
        self.init(kind: String(decoding: bytes[prefix.kind], as: UTF8.self), key: prefix.key, bytes: bytes)
    }

    init(kind: String, key: RecordKey, bytes: [UInt8]) {
        self.kind = kind
        self.key = key
        self.bytes = bytes
    }

    /// The parsed record (the line must be canonical; see ``Record/init(line:checkCanonical:)``).
    public func record(checkCanonical: Bool = true) throws -> Record {
        try Record(line: bytes, checkCanonical: checkCanonical)
    }

    /// Reads kind and key from the prefix `{"kind":"K","key":KEY,"data":{`;
    /// nil when the line does not have that shape (the caller then parses it whole).
    static let head = Array(#"{"kind":""#.utf8)
    static let keyLabel = Array(#","key":"#.utf8)
    static let dataLabel = Array(#","data":{"#.utf8)

    static func prefix(_ line: UnsafeBufferPointer<UInt8>) -> (kind: Range<Int>, key: RecordKey, keyIsString: Bool)? {
        guard line.count > Self.head.count + 20, line.starts(with: Self.head) else { return nil }
        var index = Self.head.count
        let kindStart = index
        while index < line.count, line[index] != UInt8(ascii: "\""), line[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
        let kindRange = kindStart..<index
        index += 1
        guard line[index...].starts(with: Self.keyLabel) else { return nil }
        index += Self.keyLabel.count
        let key: RecordKey
        let keyIsString: Bool
        if line[index] == UInt8(ascii: "\"") {
            index += 1
            let start = index
            while index < line.count, line[index] != UInt8(ascii: "\""), line[index] != UInt8(ascii: "\\") { index += 1 }
            // The line's UTF-8 was checked before (or the file is trusted): decode without validating again.
            guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
            key = .string(String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self))
            keyIsString = true
            index += 1
        } else {
            var negative = false
            if line[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            var value: Int64 = 0
            let start = index
            while index < line.count, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9") {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(line[index] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
                index += 1
            }
            guard index > start, index - start == 1 || line[start] != UInt8(ascii: "0") else { return nil }
            key = .int(negative ? -value : value)
            keyIsString = false
        }
        guard line[index...].starts(with: Self.dataLabel), line[line.count - 1] == UInt8(ascii: "}") else { return nil }
        return (kindRange, key, keyIsString)
    }
}
