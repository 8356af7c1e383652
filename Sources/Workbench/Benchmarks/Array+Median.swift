extension Array where Element == Double {
    /// The middle value once sorted, the mean of the two middle ones for an
    /// even count; 0 for none.
    ///
    /// ```swift
    /// [1.4, 1.2, 1.7].median   // 1.4
    /// ```
    public var median: Double {
        let sorted = sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
