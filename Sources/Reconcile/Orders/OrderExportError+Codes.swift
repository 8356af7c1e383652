import Vocabulary

/// The categories of ``OrderExportError``.
extension ErrorCode where Domain == OrderExportError {
    /// A text template for hour or material lines that cannot be parsed.
    public static var invalidTemplate: Self { "invalidTemplate" }
}
