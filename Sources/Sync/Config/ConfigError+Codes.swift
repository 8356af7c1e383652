import Vocabulary

/// The categories of ``ConfigError``.
extension ErrorCode where Domain == ConfigError {
    /// No such setting.
    public static var unknownSetting: Self { "unknown-setting" }
    /// The value does not fit the setting.
    public static var invalidValue: Self { "invalid-value" }
    /// A configuration file that is not a JSON object of settings.
    public static var invalidFile: Self { "invalid-file" }
}
