import Economic
import Foundation
import Replica
import Synchronization
import TestSupport
import Testing
import Vocabulary
@testable import Sync

/// A clock that stands still until moved.
final class SchedulerClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: String = "2026-11-29T08:00:00Z") { current = Mutex(Timestamp.date(start)!) }
    func now() -> Date { current.withLock { $0 } }
    func advance(minutes: Double) { current.withLock { $0 += minutes * 60 } }
    var text: String { Timestamp.string(now()) }
}

/// A replica in a temporary directory with a scheduler on a manual clock.
struct SchedulerFixture {
    let directory: TemporaryDirectory
    let replica: ReplicaStore
    let clock = SchedulerClock()

    init() throws {
        directory = try TemporaryDirectory("econsync-scheduler")
        let clock = clock
        replica = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true, now: { clock.now() })
    }

    /// A scheduler owned by `owner` on another host (so only the timeout releases its leases), jitter fraction `random`.
    func scheduler(_ owner: String = "1@elsewhere", random: Double = 0.5) -> ModuleScheduler {
        let clock = clock
        return ModuleScheduler(replica: replica, now: { clock.now() }, random: { random }, owner: owner)
    }

    /// Runs `module` to a successful end.
    @discardableResult
    func run(_ module: Module, force: Bool = false, with scheduler: ModuleScheduler? = nil) async throws -> ModuleRun? {
        try await (scheduler ?? self.scheduler()).run(module, force: force) { _ in
            var outcome = ModuleOutcome()
            outcome.pulled = 2
            return outcome
        }.run
    }

    func set(_ name: String, _ value: String) throws {
        try replica.write { try $0.setSetting(name, value) }
    }
}

@Suite("Module scheduler: cooldown, jitter, leases, timeout, reconnect")
struct ModuleSchedulerTests {
    @Test("a module may not run again within the 15-minute cooldown; the error says when it may; --force runs it and is recorded")
    func cooldown() async throws {
        let fixture = try SchedulerFixture()
        let first = try #require(try await fixture.run(.customers))
        #expect(first.outcome == .succeeded && first.forced == false && first.pulled == 2)
        fixture.clock.advance(minutes: 5)
        let error = await #expect(throws: SyncError.self) { try await fixture.run(.customers) }
        #expect(error?.code == .coolingDown)
        #expect(error?.message == "ran 5 minutes ago (cooldown 15 minutes)", "\(String(describing: error))")
        #expect(error?.remedy == .waitForCooldown(until: Timestamp.date("2026-11-29T08:15:00Z")!))
        #expect(error?.description.contains("it may run again at 2026-11-29T08:15:00Z") == true, "the neutral wording keeps UTC")
        let forced = try #require(try await fixture.run(.customers, force: true))
        #expect(forced.forced)
        #expect(try fixture.replica.moduleRuns(module: "customers").map(\.forced) == [true, false])
        fixture.clock.advance(minutes: 15)
        #expect(try await fixture.run(.customers)?.outcome == .succeeded)
    }

    @Test("the next run is due after the interval plus jitter; other modules are due at once")
    func jitter() async throws {
        let fixture = try SchedulerFixture()
        try fixture.set("schedule.jitter", "120")
        let scheduler = fixture.scheduler(random: 0.25)
        try await fixture.run(.customers, with: scheduler)
        #expect(try fixture.replica.moduleStatuses()["customers"]?.nextDue == "2026-11-29T08:15:30Z")
        #expect(try scheduler.due() == [.units, .products, .hourTypes, .projects, .projectEntries])
        fixture.clock.advance(minutes: 15)
        #expect(try !scheduler.due().contains(.customers))
        fixture.clock.advance(minutes: 0.5)
        #expect(try scheduler.due().contains(.customers))
        #expect(try fixture.scheduler(random: 0.9).nextDue() == fixture.clock.now())
    }

    @Test("two processes never run a module at once, nor two modules of one agreement")
    func leases() async throws {
        let fixture = try SchedulerFixture()
        let a = fixture.scheduler("100@host-a"), b = fixture.scheduler("200@host-b")
        let lease = try a.acquire(.customers, force: false)
        let same = #expect(throws: SyncError.self) { try b.acquire(.customers, force: true) }
        #expect(same?.code == .busy && same?.message.contains("100@host-a") == true)
        let other = #expect(throws: SyncError.self) { try b.acquire(.products, force: false) }
        #expect(other?.code == .busy && other?.message.contains("while customers is running") == true)
        #expect(try b.report().first { $0.module == .customers }?.state == .running)
        try a.finish(lease, ModuleOutcome())
        _ = try b.acquire(.products, force: false)
    }

    @Test("a module running for over 12 hours is timed out, released and marked failed (\"Module hangs\")")
    func timeout() async throws {
        let fixture = try SchedulerFixture()
        let a = fixture.scheduler("100@host-a"), b = fixture.scheduler("200@host-b")
        let lease = try a.acquire(.projects, force: false)
        fixture.clock.advance(minutes: 12 * 60 - 1)
        #expect(throws: SyncError.self) { try b.acquire(.projects, force: false) }
        fixture.clock.advance(minutes: 2)
        let status = try #require(try b.report().first { $0.module == .projects })
        #expect(status.state == .failed && status.lastErrorKind == "timedOut")
        #expect(status.lastError?.description.hasPrefix("Module hangs: running since 2026-11-29T08:00:00Z (over 12 hours)") == true)
        let taken = try b.acquire(.projects, force: false)
        #expect(try a.finish(lease, ModuleOutcome()) == nil, "the lease was lost: the late finish records nothing")
        #expect(try fixture.replica.moduleRuns(module: "projects").last?.outcome == .timedOut)
        try b.finish(taken, ModuleOutcome())
        #expect(try fixture.replica.moduleStatuses()["projects"]?.state == .idle)
    }

    @Test("a lease held by a process on this host that is gone is released at once")
    func deadOwner() async throws {
        let fixture = try SchedulerFixture()
        let host = ProcessInfo.processInfo.hostName
        let dead = ModuleScheduler(replica: fixture.replica, now: { fixture.clock.now() }, owner: "2147483000@\(host)")
        _ = try dead.acquire(.units, force: false)
        let alive = ModuleScheduler(replica: fixture.replica, now: { fixture.clock.now() })
        _ = try alive.acquire(.units, force: true)
        #expect(try fixture.replica.moduleRuns(module: "units").last?.error?.contains("is gone") == true)
    }

    @Test("Token expired stops every module until reconnect")
    func tokenExpired() async throws {
        let fixture = try SchedulerFixture()
        try await fixture.run(.units)
        let (run, outcome) = try await fixture.scheduler().run(.customers, force: false) { _ in
            throw EconomicError(.tokenExpired, status: 401, message: "Token expired", request: "GET /customers")
        }
        #expect(run?.outcome == .needsReconnect && outcome.error?.code == .needsReconnect)
        let reports = try fixture.scheduler().report()
        #expect(reports.filter { $0.state == .needsReconnect }.map(\.module)
                == [.units, .products, .customers, .hourTypes, .projects, .projectEntries, .orders])
        #expect(reports.first { $0.module == .suppliers }?.state == .disabled)
        fixture.clock.advance(minutes: 30)
        #expect(try fixture.scheduler().due().isEmpty)
        let refused = await #expect(throws: SyncError.self) { try await fixture.run(.products, force: true) }
        #expect(refused?.code == .needsReconnect && refused?.remedy == .reconnect)
        #expect(try fixture.scheduler().nextDue() == nil, "the loop waits its longest, not a second at a time")
        try fixture.scheduler().reconnected()
        #expect(try fixture.scheduler().due().count == 6)
    }

    @Test("disabled modules and suppliers without the finance module do not run")
    func disabled() async throws {
        let fixture = try SchedulerFixture()
        #expect(try !fixture.scheduler().due().contains(.suppliers))
        let suppliers = await #expect(throws: SyncError.self) { try await fixture.run(.suppliers) }
        #expect(suppliers?.code == .disabled && suppliers?.message.contains("finance.enabled") == true)
        try fixture.set("finance.enabled", "true")
        try fixture.set("hourTypes.enabled", "false")
        #expect(try fixture.scheduler().due() == [.customers, .units, .products, .projects, .projectEntries, .suppliers])
        #expect(try fixture.scheduler().report().first { $0.module == .hourTypes }?.state == .disabled)
    }

    @Test("the first run and one every schedule.fullInterval hours compare every record")
    func fullInterval() async throws {
        let fixture = try SchedulerFixture()
        #expect(try await fixture.run(.products)?.full == true)
        fixture.clock.advance(minutes: 20)
        #expect(try await fixture.run(.products)?.full == false)
        fixture.clock.advance(minutes: 24 * 60)
        #expect(try await fixture.run(.products)?.full == true)
    }

    @Test("an hour of the scheduler loop runs each enabled module four times, sleeping by the clock")
    func loop() async throws {
        let fixture = try SchedulerFixture()
        let scheduler = fixture.scheduler(random: 0.5)
        let clock = fixture.clock
        let end = clock.now().addingTimeInterval(3600)
        let waits = Mutex<[TimeInterval]>([])
        var loop = SchedulerLoop(scheduler: scheduler, runModule: { module in
            let (run, outcome) = try await scheduler.run(module, force: false) { _ in ModuleOutcome() }
            return ModuleRunner.Result(module: module, run: run, outcome: outcome)
        }, sleep: { seconds in
            waits.withLock { $0.append(seconds) }
            clock.advance(minutes: seconds / 60)
        }, isStopping: { clock.now() >= end })
        loop.maxWait = 600
        try await loop.run()
        let runs = try fixture.replica.moduleRuns(limit: 100)
        let perModule = Dictionary(grouping: runs, by: \.module).mapValues(\.count)
        #expect(perModule == ["units": 4, "customers": 4, "products": 4, "hourTypes": 4, "projects": 4, "projectEntries": 4])
        #expect(runs.allSatisfy { !$0.forced && $0.outcome == .succeeded })
        // 15 minutes + half of the 60-second jitter after each round; long waits are cut to maxWait.
        #expect(waits.withLock { $0 } == [600, 330, 600, 330, 600, 330, 600, 330])
    }
}
