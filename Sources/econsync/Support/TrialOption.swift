import ArgumentParser
import Vocabulary

/// `--project P`, the brief's trial run on one project, as `sync` and `reconcile` take it.
struct TrialOption: ParsableArguments {
    @Option(help: .say(
        "En prøvekørsel på ét projekt: kun det, dets kunde, dets registreringer og de varer, de bruger "
            + "(et lokalt id, n:NUMMER, e:NØGLE eller dets navn).",
        "A trial run on one project: only it, its customer, its registrations and the products they use "
            + "(a local id, n:NUMBER, e:KEY or its name).", valueName: "project"))
    var project: RecordRef?
}
