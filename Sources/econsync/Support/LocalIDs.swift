import ArgumentParser

/// Local ids given on the command line (`local hours approve 1 2 3`).
///
/// ArgumentParser removes the arguments it parsed one at a time, each removal
/// scanning the rest, in no particular order: quadratic in the number of
/// arguments (8,000 ids took 34 s before anything ran). So `econsync`'s main
/// hands a run of ids after `approve`, `unapprove` or `delete` over as one
/// argument, `1,2,3` (``coalescing(_:)``), which this type splits again;
/// people may write ids either way.
struct LocalIDs: ExpressibleByArgument {
    var values: [Int64]

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        var values: [Int64] = []
        values.reserveCapacity(parts.count)
        for part in parts {
            guard let value = Int64(part) else { return nil }
            values.append(value)
        }
        self.values = values
    }

    /// The subcommands of `local` whose arguments are local ids.
    static let commands: Set<String> = ["approve", "unapprove", "delete"]

    /// `arguments` with the run of ids that directly follows `local … approve`
    /// (or `unapprove`, `delete`) joined into one argument; anything else as it was.
    static func coalescing(_ arguments: [String]) -> [String] {
        guard let local = arguments.firstIndex(of: "local"),
              let command = arguments[local...].firstIndex(where: commands.contains) else { return arguments }
        let start = command + 1
        let end = arguments[start...].firstIndex { Int64($0) == nil } ?? arguments.endIndex
        guard end - start > 1 else { return arguments }
        return Array(arguments[..<start]) + [arguments[start..<end].joined(separator: ",")] + arguments[end...]
    }
}

extension Array where Element == LocalIDs {
    /// Every id, in the order given.
    var ids: [Int64] { flatMap(\.values) }
}
