import Economic
import Foundation
import Replica
import Snapshot
import Sync
import Testing
import TestSupport
import Vocabulary
@testable import econsync

/// The CLI words every ``Remedy`` as the command to run, in one place, and
/// maps every ``CodedError`` to its exit status by outcome.
@Suite("econsync words remedies and maps outcomes")
struct RemedyWordingTests {
    /// One of each remedy. The switch does not compile when a case is added
    /// without a sample here (and ``CommandLineWording`` has its own switch).
    static let samples: [Remedy] = [
        .initialise, .upgradeReplica, .listSettings, .setConfig(key: "customers.paymentTerms"), .setOrderLayout,
        .setHoursProduct(hourType: 2), .setProjectCustomer(project: 3), .syncCustomers, .setEmployeeNumber, .mapActivity,
        .enableProductCreation, .deleteDraftOrder(number: 35), .connect, .checkGrantToken, .reconnect, .disconnect, .restrictCredentials(path: "/home/u/.econsync/credentials.json"),
        .reconcileFully, .resumeReconcile, .finishSync, .resumeIntegration, .retryLater(after: .timeout), .retryLater(after: .rateLimit), .retryLater(after: .network),
        .waitForCooldown(until: Date(timeIntervalSince1970: 1_796_000_000)),
    ]

    static func isSampled(_ remedy: Remedy) -> Bool {
        switch remedy {
        case .initialise, .upgradeReplica, .listSettings, .setConfig, .setOrderLayout, .setHoursProduct, .setProjectCustomer,
             .syncCustomers, .setEmployeeNumber, .mapActivity, .enableProductCreation, .deleteDraftOrder, .connect, .checkGrantToken, .reconnect, .disconnect, .restrictCredentials,
             .reconcileFully, .resumeReconcile, .finishSync, .resumeIntegration, .waitForCooldown:
            true
        case .retryLater(let delay):
            Remedy.Delay.allCases.contains(delay)
        }
    }

    @Test("every remedy is worded; every one with an action names an econsync command or file")
    func everyRemedyIsWorded() {
        #expect(Self.samples.allSatisfy(Self.isSampled))
        #expect(Set(Self.samples).count == Self.samples.count)
        for remedy in Self.samples {
            let words = CommandLineWording().words(for: remedy)
            #expect(!words.isEmpty, "\(remedy)")
            if case .retryLater = remedy { continue }
            #expect(words.contains("`"), "\(remedy): \(words)")
        }
    }

    @Test("the words are the ones econsync has always printed")
    func renderedStrings() {
        let wording = CommandLineWording()
        #expect(wording.words(for: .initialise) == "run `econsync init` first")
        #expect(wording.words(for: .setProjectCustomer(project: 12)) == "set one with `econsync local project edit 12 --customer C`")
        #expect(wording.words(for: .resumeReconcile) == "finish it with `econsync reconcile --resume` (nothing is sent twice)")
        // In the local time zone, as every time in text output.
        let until = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(wording.words(for: .waitForCooldown(until: until)) == "it may run again at \(LocalTime.string(until)), or now with `--force`")
        #expect(LocalTime.string(until).hasPrefix("2026-11-") && LocalTime.string(until).dropFirst(10).first == " ")
        #expect(ReplicaError(.notInitialised, "no replica here", file: "/d/replica.sqlite", remedy: .initialise).commandLineText
                == "/d/replica.sqlite: no replica here (run `econsync init` first)")
        #expect(EconomicError(.tokenExpired, status: 401, message: "Token expired", request: "GET /self").commandLineText
                    .hasPrefix("Token expired: reconnect with `econsync reconnect`"))
        #expect(ConfigError(.unknownSetting("x", guess: nil)).commandLineText
                == "unknown setting \"x\"; run `econsync config show` for every setting")
        #expect(SyncError(.missingSetting, "no order layout", module: "orders", action: .setOrderLayout).commandLineText
                == "orders: no order layout: set one with `econsync config set orders.layout N`, or `econsync sync units` to import e-conomic's layouts")
    }

    @Test("exit status comes from the outcome, for every coded error, listed before or not")
    func exitStatus() {
        #expect(Econsync.status(of: ReplicaError(.busy, "is held")) == ExitStatus.notRun)
        #expect(Econsync.status(of: ReplicaError(.newerSchema, "is newer")) == ExitStatus.replicaUnusable)
        #expect(Econsync.status(of: EconomicError(.tokenExpired, message: "no", request: "GET /self")) == ExitStatus.needsReconnect)
        #expect(Econsync.status(of: SyncError(.disabled, "off")) == ExitStatus.notRun)
        // Formerly unlisted, so printed by the argument parser as `Error: …`; now `error: …` with exit 1.
        #expect(Econsync.status(of: GzipError(.truncated, file: "/x.gz", "ends early")) == ExitStatus.failure)
        #expect(Econsync.status(of: FileProblem(.write, path: "/x", reason: .permissionDenied)) == ExitStatus.failure)
        #expect(Econsync.status(of: MailError(.timedOut, "no answer")) == ExitStatus.failure)
        #expect(Econsync.status(of: CocoaError(.fileNoSuchFile)) == nil)
    }
}
