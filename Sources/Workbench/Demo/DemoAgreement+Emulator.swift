import EconomicEmulator
import Snapshot

extension DemoAgreement {
    /// An emulator holding this agreement, built in memory: `econsync emulator`
    /// starts from it when no `--seed-snapshot` is given, wherever it is run.
    public func emulator() throws -> EconomicEmulator {
        var records: [Record] = []
        try generate { records.append($0) }
        return EconomicEmulator(seed: records, kinds: Self.kinds, agreement: Self.agreementNumber)
    }
}
