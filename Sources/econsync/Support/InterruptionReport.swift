import Sync
import Vocabulary

/// What Ctrl-C says during a command: what was done and what to run. People
/// get ``text`` on standard error, in the language econsync speaks; under
/// `--json`, scripts get the convention's error object on standard output,
/// code `interrupted`, exit status 130, the English message, the remedy as
/// an object and how far the command had come.
///
/// ```swift
/// InterruptionReport(.modules(finished: [.units], cutOff: .products))
/// // {"error": {"code": "interrupted", "exitStatus": 130, "message": "interrupted: units had finished; …", "records": [],
/// //            "progress": {"cutOff": "products", "finished": ["units"]}, "remedy": {"action": "finishSync", "text": "…"}}}
/// ```
struct InterruptionReport: Encodable, Sendable {
    /// Where the command was when it was interrupted.
    enum Moment: Sendable, Equatable {
        /// A sync before any module ran.
        case beforeAnyModule
        /// A sync: the modules that had finished, and the one cut off.
        case modules(finished: [Module], cutOff: Module)
        /// A reconcile before its plan was applied.
        case beforeApply
        /// A reconcile writing its plan to a file, before it was written.
        case beforePlanWritten
        /// A reconcile applying its plan, before the first operation was done.
        case applying
        /// A reconcile applying its plan: `done` of its `total` operations.
        case operations(done: Int, total: Int)
        /// `reconcile --resume`.
        case resuming
        /// The setup wizard, before anything was saved.
        case setup
    }

    /// Where the command was.
    var moment: Moment

    init(_ moment: Moment) {
        self.moment = moment
    }

    /// What to run, if anything.
    var remedy: Remedy? {
        switch moment {
        case .modules: .finishSync
        case .applying, .operations, .resuming: .resumeReconcile
        case .beforeAnyModule, .beforeApply, .beforePlanWritten, .setup: nil
        }
    }

    /// What was done and what to run, as econsync speaks.
    var text: String { message(Speech.language) }

    private enum Keys: String, CodingKey {
        case error, code, message, exitStatus, records, remedy, progress, finished, cutOff, done, total
    }

    func encode(to encoder: any Encoder) throws {
        var top = encoder.container(keyedBy: Keys.self)
        var error = top.nestedContainer(keyedBy: Keys.self, forKey: .error)
        try error.encode("interrupted", forKey: .code)
        try error.encode(message(.en), forKey: .message)
        try error.encode(Interruption.exitCode, forKey: .exitStatus)
        try error.encode([String](), forKey: .records)
        try error.encodeIfPresent(remedy.map(RemedyJSON.init), forKey: .remedy)
        switch moment {
        case .modules(let finished, let cutOff):
            var fields = error.nestedContainer(keyedBy: Keys.self, forKey: .progress)
            try fields.encode(finished.map(\.rawValue), forKey: .finished)
            try fields.encode(cutOff.rawValue, forKey: .cutOff)
        case .operations(let done, let total):
            var fields = error.nestedContainer(keyedBy: Keys.self, forKey: .progress)
            try fields.encode(done, forKey: .done)
            try fields.encode(total, forKey: .total)
        case .beforeAnyModule, .beforeApply, .beforePlanWritten, .applying, .resuming, .setup:
            break
        }
    }
}
