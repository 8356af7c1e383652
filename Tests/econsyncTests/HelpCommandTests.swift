import ArgumentParser
import Foundation
import Testing
@testable import econsync

/// The help as a user reads it: the options every command takes described
/// once, in `econsync --help`; completion scripts and the manual's input
/// made from the command definitions, as the README says.
@Suite("Help: global options once, completion and manual")
struct HelpCommandTests {
    static let globalOptions = ["--data-dir <dir>", "-v, --verbose", "-q, --quiet", "--department <number>"]

    @Test("econsync --help lists the global options once; no command's own help repeats them, each points there")
    func globalOptionsOnce() throws {
        let cli = try CLI()
        let root = try cli.run(["--help"])
        #expect(root.status == 0)
        for option in Self.globalOptions {
            #expect(root.stdout.components(separatedBy: "\n  " + option).count == 2, "\(option) described once in econsync --help")
        }
        for (name, command) in HelpExamplesTests.leaves() {
            let help = Econsync.helpMessage(for: command, columns: 80)
            let repeated = Self.globalOptions.filter { help.contains($0) }
            #expect(repeated.isEmpty, "\(name) --help repeats \(repeated)")
            #expect(help.contains(Examples.globalOptions.prefix(40)), "\(name) --help does not say where the global options are")
        }
        // As a user runs it: the command's help, and the options still taken after the command's name.
        let sync = try cli.run(["sync", "--help"])
        #expect(sync.status == 0 && !sync.stdout.contains("--data-dir <dir>") && sync.stdout.contains("see `econsync --help`"), "\(sync.stdout)")
        let elsewhere = cli.outside.appendingPathComponent("elsewhere").path
        #expect(try cli.run(["init", "--data-dir", elsewhere, "-q"]).status == 0)
        #expect(try cli.run(["status", "--data-dir", elsewhere, "--department", "1", "-v"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/replica.sqlite"))
    }

    @Test("--generate-completion-script writes bash, zsh and fish completion naming the commands; the README says how to install it")
    func completion() throws {
        let cli = try CLI()
        for shell in ["bash", "zsh", "fish"] {
            let script = try cli.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.stderr)")
            for word in ["econsync", "reconcile", "snapshot", "json", "data-dir"] {
                #expect(script.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
        let readme = try String(contentsOf: Golden.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("econsync --generate-completion-script bash") && readme.contains("`make man`"))
        let makefile = try String(contentsOf: Golden.repository.appendingPathComponent("Makefile"), encoding: .utf8)
        #expect(makefile.contains("generate-manual") && makefile.contains("econsync.1"), "make man makes the manual page")
        #expect(makefile.contains("test -s econsync.1") && makefile.contains("does not describe econsync"), "make man checks the page it made")
    }

    @Test("the bash completion, sourced in bash, completes a command's name and its options")
    func bashCompletes() throws {
        let cli = try CLI()
        let script = cli.outside.appendingPathComponent("econsync.bash")
        let generated = try cli.run(["--generate-completion-script", "bash"])
        try #require(generated.status == 0, "\(generated.stderr)")
        try Data(generated.stdout.utf8).write(to: script)
        // As bash calls it on Tab: COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then the function with (command, word, previous word).
        let complete = #"""
            source "$1"
            complete -p econsync >/dev/null || exit 3
            COMP_WORDS=(econsync sy); COMP_CWORD=1; COMP_LINE="econsync sy"; COMP_POINT=${#COMP_LINE}
            _econsync econsync sy econsync; echo "${COMPREPLY[*]}"
            COMPREPLY=(); COMP_WORDS=(econsync sync --fo); COMP_CWORD=2; COMP_LINE="econsync sync --fo"; COMP_POINT=${#COMP_LINE}
            _econsync econsync --fo sync; echo "${COMPREPLY[*]}"
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", complete, "completion", script.path]
        process.environment = ["PATH": CLI.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let words = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(words == "sync\n--force\n", "\(words)")
    }

    @Test("the manual's input: --experimental-dump-help describes every command with its abstract")
    func manualInput() throws {
        let dump = try CLI().run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(object["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(["init", "sync", "status", "snapshot", "reconcile"].allSatisfy(names.contains), "\(names)")
        #expect((command["abstract"] as? String)?.contains("e-conomic") == true)
    }
}
