import Vocabulary

extension Kind {
    /// The name of a list of records of this kind under `--json`: `customers`, `hourTypes`, `timeEntries`.
    var plural: String {
        self == .timeEntry ? "timeEntries" : rawValue + "s"
    }
}
