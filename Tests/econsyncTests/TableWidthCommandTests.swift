import Foundation
import Testing

/// Tables for people fit 80 columns by default (standard output is no
/// terminal here); `--wide` prints every column whole.
@Suite("econsync: tables fit 80 columns")
struct TableWidthCommandTests {
    @Test("status, snapshot list, config list and the record lists fit 80 columns; --wide shows what was cut, whole")
    func fitAndWide() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["sync"])
            let long = "Totalrenovering af badeværelse og køkken, Vestergade 12, 2. sal tv."
            try await connected.expect(["local", "project", "add", "--number", "900", "--name", long, "--customer", "e:1024"])
            for command in [["status"], ["snapshot", "list"], ["config", "list"], ["local", "project", "list"], ["local", "customer", "list"],
                            ["local", "hours", "list"], ["local", "product", "list"]] {
                let output = try await connected.run(command)
                #expect(output.status == 0 || command == ["status"], "\(command): \(output.stderr)")
                let wide = output.stdout.split(separator: "\n").filter { $0.count > 80 }
                #expect(wide.isEmpty, "\(command.joined(separator: " ")) prints lines over 80 columns: \(wide)")
            }
            let cut = try await connected.expect(["local", "project", "list"])
            #expect(!cut.contains(long) && cut.contains("Totalrenovering") && cut.contains("…"), "\(cut)")
            let whole = try await connected.expect(["local", "project", "list", "--wide"])
            #expect(whole.contains(long), "\(whole)")
            let status = try await connected.expect(["status", "--wide"])
            #expect(status.contains("LAST SUCCESS") && status.contains("CALLS TODAY"))
        }
    }
}
