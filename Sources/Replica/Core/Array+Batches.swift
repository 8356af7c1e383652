extension Array {
    /// The array in consecutive pieces of at most `size` elements: how a long
    /// list of ids goes into `IN (…)` queries, well below SQLite's limit on
    /// bound parameters.
    ///
    /// ```swift
    /// for batch in ids.batches() { … "WHERE id IN (\(SQLList.marks(batch.count)))" … }
    /// ```
    public func batches(of size: Int = 500) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

/// The `?, ?, ?` of an SQL `IN (…)` list.
enum SQLList {
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }
}
