import ArgumentParser
import Vocabulary

// Kinds and modules are command-line values: help, errors and shell
// completion list every case.
extension Kind: ExpressibleByArgument {}

extension Module: ExpressibleByArgument {
    /// A module in any of its spellings: `hourTypes`, `hour-types`,
    /// `hour_types`, `"Hour types"`, `HOURTYPES`, or its number in the brief (`4`).
    public init?(argument: String) {
        let folded = argument.lowercased().filter { $0.isLetter || $0.isNumber }
        if let number = Int(folded), let module = Module.allCases.first(where: { $0.number == number }) {
            self = module
        } else if let module = Module.allCases.first(where: { $0.rawValue.lowercased() == folded }) {
            self = module
        } else {
            return nil
        }
    }
}
