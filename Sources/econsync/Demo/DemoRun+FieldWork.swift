import Vocabulary
import Foundation
import Replica
import Snapshot

extension DemoRun {
    /// A day of field work, as Mobilplan records it offline, and an edit made in e-conomic meanwhile.
    func fieldWork() throws {
        let replica = try ReplicaStore.open(at: directory.appendingPathComponent(ReplicaStore.fileName))
        func id(_ kind: Kind, _ key: String) throws -> Int64 {
            guard let id = try replica.rowIDs(kind, foreignKeys: [key])[key] else { throw CommandFailure("the demo agreement has no \(kind.rawValue) \(key)") }
            return id
        }
        let today = Timestamp.day(Date())
        try replica.write { writer in
            let customer = try writer.create(Customer(name: "Sørensen Tømrer ApS", cvr: "13748136", zip: "7100", city: "Vejle"))
            print("  customer created locally: \(customer.name), CVR 13748136 (new to e-conomic: the next run creates it there with the wizard's debtor group and terms)")
            let apprentice = try writer.create(Employee(name: "Lars Lærling"))
            print("  employee created locally without an e-conomic id: \(apprentice.name)")
            let pipe = try writer.create(Product(number: "KR-22", name: "Kobberrør 22 mm", salesPrice: 64.5, unitId: try id(.unit, "1"),
                                                 productGroupId: try id(.productGroup, "3")))
            print("  product e-conomic lacks: \(pipe.number) \(pipe.name)")
            let (project, montage, jens) = (try id(.project, "2"), try id(.hourType, "1"), try id(.employee, "3"))
            for (employee, hours, note, approve) in [(jens, 7.5, "Montage af radiatorer", true), (jens, 2.0, "Afslutning", true),
                                                     (apprentice.id!, 4.0, "Oprydning", true), (jens, 1.5, "Venter på godkendelse", false)] {
                let entry = try writer.create(TimeEntry(employeeId: employee, projectId: project, hourTypeId: montage, date: today, hours: hours, note: note))
                if approve { _ = try writer.approve(TimeEntry.self, id: entry.id!, by: "Formand Jens") }
            }
            print("  hours on project 2: 7.5 h and 2 h approved, 4 h approved for \(apprentice.name), 1.5 h not approved")
            let material = try writer.create(Material(productId: pipe.id!, projectId: project, employeeId: jens, date: today, quantity: 12))
            _ = try writer.approve(Material.self, id: material.id!, by: "Formand Jens")
            print("  material on project 2: 12 × \(pipe.name), approved")
            let edited = try writer.update(Project.self, id: try id(.project, "3")) { $0.name = "Etape 2, Søndergade 86 – tag og tagrender" }
            print("  project 3 renamed in the field: \(edited.name)")
        }
        emulator.edit(kind: "project", key: .int(3)) { record in
            record?["name"] = .string("Etape 2, Søndergade 86 (kontoret)")
            record?["description"] = .string("Tilbud accepteret 2026-11-20")
        }
        print("  meanwhile in e-conomic: project 3 renamed by the office, and a description added")
    }
}
