import ArgumentParser

/// `econsync local …`: the field operations on the local replica, all offline.
struct Local: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say(
            "Arbejd med den lokale replika: registrér og ret data fra marken offline.",
            "Work with the local replica: record and edit field data offline."),
        discussion: Speech.say("""
            Poster angives med lokalt id (42), med e-conomic-nøgle (e:1001), for \
            varer, medarbejdere og projekter med deres nummer (n:P-100) eller med \
            deres navn ("stk.", "Jens Hansen": store eller små bogstaver, når kun én post \
            har det; ellers vises kandidaterne).
            """, """
            Records are named by local id (42), by e-conomic key (e:1001), for \
            products, employees and projects by their number (n:P-100), or by \
            their name ("stk.", "Jens Hansen": any case, when only one record \
            has it; otherwise the candidates are listed).
            """),
        subcommands: [
            CustomerCommand.self, ContactCommand.self, ProductCommand.self, ProjectCommand.self,
            EmployeeCommand.self, HourTypeCommand.self, HoursCommand.self, MaterialsCommand.self, SupplierCommand.self, UnitCommand.self,
            Changes.self, Unsynced.self, Import.self, Check.self,
        ]
    )

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
}
