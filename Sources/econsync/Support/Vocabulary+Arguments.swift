import ArgumentParser
import Vocabulary

// Kinds and modules are command-line values as they are: their raw values
// parse, and help, errors and shell completion list every case.
extension Kind: ExpressibleByArgument {}
extension Module: ExpressibleByArgument {}
