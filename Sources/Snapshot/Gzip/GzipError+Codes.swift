import Vocabulary

/// The categories of ``GzipError``.
extension ErrorCode where Domain == GzipError {
    /// The file does not start with the gzip magic bytes 1f 8b.
    public static var notGzip: Self { "not-gzip" }
    /// The file ends before the compressed data does (an interrupted write or copy).
    public static var truncated: Self { "truncated" }
    /// The compressed data is damaged: a bad block, or a CRC or length mismatch.
    public static var corrupt: Self { "corrupt" }
    /// Bytes follow the last gzip member that are not another gzip member.
    public static var trailingGarbage: Self { "trailing-garbage" }
    /// The operating system refused to open, read, write, sync or close the file.
    public static var io: Self { "io" }
    /// The compression level is outside 0...9.
    public static var badLevel: Self { "bad-level" }
    /// zlib itself failed (out of memory, or a state it should never reach).
    public static var zlib: Self { "zlib" }
}
