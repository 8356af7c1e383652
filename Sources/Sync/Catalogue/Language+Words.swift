import Replica
import Vocabulary

/// The words every front end shares (the panel, the command line, the
/// mails): the brief's names for its error kinds and its modules, in Danish
/// and English, so that the office reads the same words everywhere.
///
/// ```swift
/// SyncError.Code.customerNotFound.headline(.da)   // "Kunde ikke fundet i e-conomic"
/// Module.customers.name(.da)                       // "Kunder"
/// ```
extension SyncError.Code {
    /// The error kind's headline, in the brief's words where it has them; nil for a kind without words of its own.
    public func headline(_ language: Language) -> String? {
        let (da, en): (String, String)
        switch self {
        case .customerNotFound: (da, en) = ("Kunde ikke fundet i e-conomic", "Customer not found in e-conomic")
        case .employeeMissingID: (da, en) = ("Medarbejder mangler e-conomic ID", "Employee is missing an e-conomic ID")
        case .needsReconnect: (da, en) = ("Token udløbet", "Token expired")
        case .timedOut: (da, en) = ("Modul hænger", "Module hangs")
        case .unreachable: (da, en) = ("e-conomic kan ikke nås", "e-conomic is unreachable")
        case .activityUnmapped: (da, en) = ("Timetype uden e-conomic aktivitet", "Hour type without an e-conomic activity")
        case .rateLimited: (da, en) = ("e-conomic begrænser kaldene", "e-conomic is rate limiting")
        case .productMissing: (da, en) = ("Varen findes ikke i e-conomic", "The product is not in e-conomic")
        case .nothingToExport: (da, en) = ("Intet at eksportere", "Nothing to export")
        case .blocked: (da, en) = ("Poster blokeret", "Records blocked")
        default: return nil
        }
        return language == .da ? da : en
    }

    /// `text` about an error of this kind (as the library words it, or stored) in `language`: in Danish headed by
    /// the brief's words for the kind, in place of the English ones when it starts with them (as it is when it
    /// starts with the Danish ones already); in English as it is.
    ///
    /// ```swift
    /// SyncError.Code.employeeMissingID.heading("Employee is missing an e-conomic ID: Lars", in: .da)   // "Medarbejder mangler e-conomic ID: Lars"
    /// ```
    public func heading(_ text: String, in language: Language) -> String {
        guard language == .da, let danish = headline(.da), let english = headline(.en), !text.hasPrefix(danish) else { return text }
        return text.hasPrefix(english) ? danish + text.dropFirst(english.count) : "\(danish): \(text)"
    }
}

extension Module {
    /// The module's name, as the brief's Danish text and the English one name it.
    public func name(_ language: Language) -> String {
        guard language == .da else { return title }
        return switch self {
        case .units: "Enheder"
        case .products: "Varer"
        case .customers: "Kunder"
        case .hourTypes: "Timetyper"
        case .projects: "Projekter"
        case .projectEntries: "Projektregistreringer"
        case .orders: "Ordrer"
        case .suppliers: "Leverandører"
        }
    }
}

extension Kind {
    /// The kind of record as the office names it: `Timeregistrering`, `Kunde`, … in Danish; `Time entry`, `Customer`, … in English.
    public func name(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .unit: ("Enhed", "Unit")
        case .product: ("Vare", "Product")
        case .productGroup: ("Varegruppe", "Product group")
        case .customer: ("Kunde", "Customer")
        case .contact: ("Kontaktperson", "Contact")
        case .customerGroup: ("Kundegruppe", "Customer group")
        case .paymentTerm: ("Betalingsbetingelse", "Payment term")
        case .vatZone: ("Momszone", "VAT zone")
        case .layout: ("Layout", "Layout")
        case .supplier: ("Leverandør", "Supplier")
        case .employee: ("Medarbejder", "Employee")
        case .hourType: ("Timetype", "Hour type")
        case .project: ("Projekt", "Project")
        case .timeEntry: ("Timeregistrering", "Time entry")
        case .material: ("Materiale", "Material")
        case .order: ("Ordre", "Order")
        case .department: ("Afdeling", "Department")
        }
        return language == .da ? da : en
    }

    /// The kind as a noun in running text: `kunde`, `timeregistrering` in Danish; ``noun`` in English (`time entry`).
    public func noun(_ language: Language) -> String {
        language == .da ? name(.da).lowercased() : noun
    }
}

extension ModuleReport.State {
    /// The state in words: `klar`, `kører`, … in Danish; in English as `econsync status` has always shown it.
    public func words(_ language: Language) -> String {
        guard language == .da else { return rawValue }
        return switch self {
        case .idle: "klar"
        case .running: "kører"
        case .failed: "fejlet"
        case .disabled: "slået fra"
        case .needsReconnect: "skal forbindes igen"
        }
    }
}

extension ModuleRun.Outcome {
    /// How a run ended in words: `lykkedes`, `fejlet`, … in Danish; in English as `econsync log` has always shown it.
    public func words(_ language: Language) -> String {
        guard language == .da else { return rawValue }
        return switch self {
        case .running: "kører"
        case .succeeded: "lykkedes"
        case .failed: "fejlet"
        case .timedOut: "hang og blev stoppet"
        case .needsReconnect: "skal forbindes igen"
        }
    }
}

extension OrderExport.State {
    /// How far an order export got in words: `ordrekladde`, `sendt`, `frigivet`, … in Danish; in English as `econsync order list` has always shown it.
    public func words(_ language: Language) -> String {
        guard language == .da else { return rawValue }
        return switch self {
        case .pending: "afventer e-conomic"
        case .confirmed: "ordrekladde"
        case .sent: "sendt"
        case .failed: "afvist"
        case .released: "frigivet"
        }
    }
}
