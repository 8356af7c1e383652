import Replica
import Vocabulary

/// The right to run one sync module, held through the replica so that two
/// processes never run the same module (or two modules of one agreement) at
/// once. Taken by ``ModuleScheduler/acquire(_:force:)``, given back by
/// ``ModuleScheduler/finish(_:_:)``.
public struct ModuleLease: Sendable, Equatable {
    public var module: Module
    /// The run recorded for it.
    public var run: ModuleRun
    /// Compare every record, not only the changed ones (the longer interval came round).
    public var full: Bool { run.full }
    /// Run with `--force`.
    public var forced: Bool { run.forced }
}
