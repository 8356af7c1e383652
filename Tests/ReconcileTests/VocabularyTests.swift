import Reconcile
import Snapshot
import Testing
@testable import Vocabulary

/// The one registry of kinds and modules, and the two spellings of a record reference.
@Suite struct VocabularyTests {
    @Test("every kind but materials maps to e-conomic, and each mapping is its own kind's")
    func mappings() {
        for kind in Kind.allCases {
            #expect((kind.mapping == nil) == (kind == .material), "\(kind)")
            #expect(kind.mapping.map { $0.kind == kind && $0.module == kind.module } ?? true, "\(kind)")
        }
        #expect(KindMapping.all.map(\.kind) == Kind.allCases.filter { $0 != .material })
    }

    @Test("the eight modules share out every kind, and run in the brief's dependency order")
    func modules() {
        #expect(Module.allCases.map(\.number) == Array(1...8))
        #expect(Set(Module.allCases.flatMap(\.kinds)) == Set(Kind.allCases))
        #expect(Module.allCases.flatMap(\.kinds).count == Kind.allCases.count, "a kind in two modules")
        #expect(Set(Module.runOrder) == Set(Module.allCases) && Module.runOrder.count == 8)
        #expect(Module.customers.kinds == [.customer, .contact, .customerGroup, .paymentTerm, .vatZone])
        // Reference data an automatic module keeps current: the manual orders module pulls nothing of its own.
        #expect(Module.units.kinds == [.unit, .layout, .department] && Module.orders.kinds == [.material, .order])
        #expect(Module.allCases.filter(\.isManual) == [.orders] && Module.allCases.filter(\.requiresFinance) == [.suppliers])
    }

    @Test("the dependency order is a strict order, with what a record refers to first")
    func dependencyOrder() {
        #expect(Set(Kind.allCases.map(\.dependencyRank)).count == Kind.allCases.count)
        for kind in Kind.allCases {
            for field in kind.mapping?.fields ?? [] {
                if case .reference(let target) = field.conversion, target != kind {
                    #expect(target.dependencyRank < kind.dependencyRank, "\(kind).\(field.local) → \(target)")
                }
            }
        }
    }

    @Test("a record reference parses and prints the command line's and the plan's spellings")
    func references() {
        #expect(RecordRef("42") == .local(42) && RecordRef("e:1001") == .economic("1001") && RecordRef("n:P-100") == .number("P-100"))
        #expect(RecordRef("@hansen") == .alias("hansen"))
        for bad in ["0", "-3", "e:", "n:", "@", "", "x:1", "local:12"] { #expect(RecordRef(bad) == nil, "\(bad)") }
        for text in ["42", "e:1001", "n:P-100", "@hansen"] { #expect(RecordRef(text)?.description == text) }
        // On the command line any other text is a name; a bad number or a bare prefix is still refused.
        #expect(RecordRef(argument: "stk.") == .name("stk.") && RecordRef(argument: "Karina Jørgensen") == .name("Karina Jørgensen"))
        #expect(RecordRef(argument: "e:1001") == .economic("1001") && RecordRef(argument: "kunde")?.planKey == nil)
        for bad in ["0", "-3", "e:", "n:", "@", "", " "] { #expect(RecordRef(argument: bad) == nil, "\(bad)") }
        #expect(RecordRef(planKey: "local:12") == .local(12) && RecordRef(planKey: "1001") == .economic("1001"))
        #expect(RecordRef(planKey: "local:x") == .economic("local:x"), "not a local id: taken as a key")
        #expect(RecordRef.local(12).planKey == "local:12" && RecordRef.economic("P-9").planKey == "P-9" && RecordRef.number("7").planKey == nil)
        #expect(RecordRef.localID(inPlanKey: "local:7") == 7 && RecordRef.localID(inPlanKey: "7") == nil)
        #expect(RecordRef.isLocal(planKey: "local:7") && !RecordRef.isLocal(planKey: "VVS-1"))
    }

    @Test("a plan operation's module is its kind's, and a plan naming another is refused")
    func operationModule() throws {
        let op = PlanOperation(kind: .department, key: "1", action: .pullInsert, because: .newInEconomic)
        #expect(op.module == .units && op.json["module"] == .string("units"))
        var edited = op.json.objectValue!
        edited["module"] = .string("setup")
        #expect(throws: PlanError.self) { try PlanOperation(json: .object(edited)) }
        #expect(try PlanOperation(json: op.json) == op)
    }

    @Test("did you mean: the nearest name within two edits or in another case, none for the name itself or a far-off one")
    func nearestName() {
        let names = ["orders.layout", "orders.grouping", "customers.syncCVR", "projects.syncHours"]
        #expect(Nearest.name(to: "orders.layot", among: names) == "orders.layout")
        #expect(Nearest.name(to: "Customers.SyncCvr", among: names) == "customers.syncCVR", "the name in another case")
        #expect(Nearest.name(to: "orders.layout", among: names) == nil, "the name itself")
        #expect(Nearest.name(to: "projects.synchours2", among: names) == "projects.syncHours")
        #expect(Nearest.name(to: "backup.path", among: names) == nil)
        #expect(Nearest.name(to: "ab", among: ["ac"]) == nil, "one edit in two letters is a different word")
        #expect(Nearest.name(to: "statsu", among: ["status", "sync", "setup"]) == "status", "two neighbours swapped are one edit")
        #expect(Nearest.edits(Array("statsu"), Array("status")) == 1 && Nearest.edits(Array("ab"), Array("ba")) == 1)
        #expect(Nearest.edits(Array("abc"), Array("ca")) == 3, "no edit of a swapped pair twice (optimal string alignment)")
    }
}
