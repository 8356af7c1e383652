import ArgumentParser
import Vocabulary

/// `--project P`, the brief's trial run on one project, as `sync` and `reconcile` take it.
struct TrialOption: ParsableArguments {
    @Option(help: ArgumentHelp("A trial run on one project: only it, its customer, its registrations and the products they use "
                               + "(a local id, n:NUMBER, e:KEY or its name).", valueName: "project"))
    var project: RecordRef?
}
