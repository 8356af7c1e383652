import ArgumentParser

/// `-q/--quiet`: no notes, warnings or progress on standard error (see
/// ``Output/isQuiet``); the results on standard output and errors stay. Part of
/// ``GlobalOptions``; on its own in the commands that open no data directory,
/// so that every command takes it.
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: .say(
        "Skriv ingen bemærkninger, advarsler eller fremskridt på standard error (resultater og fejl skrives stadig).",
        "Print no notes, warnings or progress on standard error (results and errors still print)."))
    var quiet = false

    /// Silences ``Output`` for the rest of the process when `-q` was given
    /// (the parser validates every option group it decodes).
    func validate() throws {
        if quiet { Output.silence() }
    }
}
