import Foundation
import Synchronization

/// A test hook for the crash matrix: when armed, the process kills itself
/// with SIGKILL the n-th time it reaches a step of an apply or an order
/// export, the way a power cut or `kill -9` would.
///
/// It is not part of the library's API (`package` access), and it exists only
/// in builds with `ECONSYNC_TEST_HOOKS` (debug builds, which the tests run):
/// in a release build, reaching a step does nothing and arming is impossible.
///
/// ```swift
/// CrashPoint.arm(CrashPoint(parsing: "sent:3"))   // from $ECONSYNC_TEST_CRASH
/// CrashPoint.reached(.sent)                       // the third time: SIGKILL
/// ```
package struct CrashPoint: Sendable, Equatable, CustomStringConvertible {
    /// The moments a crash is worst at.
    package enum Step: String, CaseIterable, Sendable {
        /// A first pull committed one kind; the next kind and the run are not written yet.
        case firstPulled
        /// The pulls are committed; no push has been marked yet.
        case pulled
        /// A push is marked `sending` in the outbox; it has not gone out.
        case marked
        /// e-conomic answered a push; the answer is not yet confirmed in the replica.
        case sent
        /// A push is confirmed in the replica.
        case confirmed
        /// An order export is recorded and its registrations marked; it has not gone out.
        case journaled
        /// e-conomic answered an order export; it is not yet confirmed.
        case exported
    }

    package var step: Step
    /// Which time the step is reached that kills (1 = the first).
    package var occurrence: Int

    package init(step: Step, occurrence: Int) {
        self.step = step
        self.occurrence = occurrence
    }

    /// `STEP:N`, e.g. `sent:3`; nil for anything else.
    package init?(parsing text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let step = Step(rawValue: String(parts[0])), let occurrence = Int(parts[1]), occurrence > 0 else { return nil }
        self.init(step: step, occurrence: occurrence)
    }

    package var description: String { "\(step.rawValue):\(occurrence)" }

    #if ECONSYNC_TEST_HOOKS
    private static let state = Mutex<(armed: CrashPoint?, count: Int)>((nil, 0))

    /// Arms the hook (nil disarms it); the count starts again.
    package static func arm(_ point: CrashPoint?) {
        state.withLock { $0 = (point, 0) }
    }
    #endif

    /// Kills the process if this is the armed step's armed occurrence (only
    /// in a build with the test hooks).
    @inline(__always)
    package static func reached(_ step: Step) {
        #if ECONSYNC_TEST_HOOKS
        let kills = state.withLock { state -> Bool in
            guard state.armed?.step == step else { return false }
            state.count += 1
            return state.count == state.armed?.occurrence
        }
        if kills { kill(getpid(), SIGKILL) }
        #endif
    }
}
