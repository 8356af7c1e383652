import Vocabulary

/// What Ctrl-C says during a command: what was done and what to run. People
/// get ``message`` on standard error; under `--json`, scripts get the
/// convention's error object on standard output, code `interrupted`, exit
/// status 130, the remedy as an object and how far the command had come.
///
/// ```swift
/// InterruptionReport("interrupted: units had finished; products was cut off. …", remedy: .finishSync,
///                    progress: .modules(finished: ["units"], cutOff: "products"))
/// // {"error": {"code": "interrupted", "exitStatus": 130, "message": "interrupted: …", "records": [],
/// //            "progress": {"cutOff": "products", "finished": ["units"]}, "remedy": {"action": "finishSync", "text": "…"}}}
/// ```
struct InterruptionReport: Encodable, Sendable {
    /// How far the interrupted command had come.
    enum Progress: Sendable, Equatable {
        /// A sync: the modules that had finished, and the one cut off.
        case modules(finished: [String], cutOff: String)
        /// An apply: `done` of the plan's `total` operations.
        case operations(done: Int, total: Int)
    }

    /// What was done and what to run, in words.
    var message: String
    /// What to run, if anything.
    var remedy: Remedy?
    var progress: Progress?

    init(_ message: String, remedy: Remedy? = nil, progress: Progress? = nil) {
        self.message = message
        self.remedy = remedy
        self.progress = progress
    }

    private enum Keys: String, CodingKey {
        case error, code, message, exitStatus, records, remedy, progress, finished, cutOff, done, total
    }

    func encode(to encoder: any Encoder) throws {
        var top = encoder.container(keyedBy: Keys.self)
        var error = top.nestedContainer(keyedBy: Keys.self, forKey: .error)
        try error.encode("interrupted", forKey: .code)
        try error.encode(message, forKey: .message)
        try error.encode(Interruption.exitCode, forKey: .exitStatus)
        try error.encode([String](), forKey: .records)
        try error.encodeIfPresent(remedy.map(RemedyJSON.init), forKey: .remedy)
        guard let progress else { return }
        var fields = error.nestedContainer(keyedBy: Keys.self, forKey: .progress)
        switch progress {
        case .modules(let finished, let cutOff):
            try fields.encode(finished, forKey: .finished)
            try fields.encode(cutOff, forKey: .cutOff)
        case .operations(let done, let total):
            try fields.encode(done, forKey: .done)
            try fields.encode(total, forKey: .total)
        }
    }
}
