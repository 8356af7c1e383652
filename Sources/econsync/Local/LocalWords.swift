import Replica
import Sync
import Vocabulary

/// What the `local` commands say, in Danish or English (``Speech/language``):
/// the confirmations of what was saved ("kunde 12 oprettet: …", in English
/// "created customer 12: …") and the words in their tables' cells. The kinds
/// are the shared catalogue's (``Kind/name(_:)``); English is as it has always been.
enum LocalWords {
    /// What a command did to a record.
    enum Deed {
        case created, updated, deleted, approved, alreadyApproved, unapproved

        /// The deed in `language`: a past participle in Danish, a verb in English.
        func words(_ language: Language) -> String {
            let (da, en): (String, String) = switch self {
            case .created: ("oprettet", "created")
            case .updated: ("opdateret", "updated")
            case .deleted: ("slettet", "deleted")
            case .approved: ("godkendt", "approved")
            case .alreadyApproved: ("allerede godkendt", "already approved")
            case .unapproved: ("ikke længere godkendt", "unapproved")
            }
            return language == .da ? da : en
        }
    }

    /// The kind as a noun in a sentence: `kunde`, `timeregistrering`; in English `customer`, `time entry`.
    static func noun(_ kind: Kind, in language: Language = Speech.language) -> String {
        kind.noun(language)
    }

    /// The kind in the plural, in Danish (`kunder`, `timeregistreringer`), as the help of the `local` commands names records.
    static func danishPlural(_ kind: Kind) -> String {
        switch kind {
        case .unit: "enheder"
        case .product: "varer"
        case .productGroup: "varegrupper"
        case .customer: "kunder"
        case .contact: "kontaktpersoner"
        case .customerGroup: "kundegrupper"
        case .paymentTerm: "betalingsbetingelser"
        case .vatZone: "momszoner"
        case .layout: "layouts"
        case .supplier: "leverandører"
        case .employee: "medarbejdere"
        case .hourType: "timetyper"
        case .project: "projekter"
        case .timeEntry: "timeregistreringer"
        case .material: "materialer"
        case .order: "ordrer"
        case .department: "afdelinger"
        }
    }

    /// The kind with its Danish indefinite article: `en kunde`, `et projekt`.
    static func danishArticle(_ kind: Kind) -> String {
        let noun = noun(kind, in: .da)
        return ([.project, .material, .layout] as [Kind]).contains(kind) ? "et " + noun : "en " + noun
    }

    /// The kind in a listing's cell: `Kunde`; in English `customer`.
    static func kind(_ kind: Kind) -> String {
        Speech.say(kind.name(.da), kind.rawValue)
    }

    /// `created customer 12: Name`, in Danish `kunde 12 oprettet: Name` (without `title`, no colon).
    static func line(_ deed: Deed, _ kind: Kind, _ id: Int64, _ title: String? = nil, in language: Language = Speech.language) -> String {
        let record = "\(noun(kind, in: language)) \(id)"
        let said = language == .da ? "\(record) \(deed.words(.da))" : "\(deed.words(.en)) \(record)"
        return said + (title.map { ": \($0)" } ?? "")
    }

    /// A record's sync state in a listing.
    static func state(_ state: RecordStatus.State) -> String {
        let (da, en): (String, String) = switch state {
        case .new: ("ny", "new")
        case .changed: ("ændret", "changed")
        case .synced: ("synkroniseret", "synced")
        case .deleted: ("slettet", "deleted")
        case .exported: ("eksporteret", "exported")
        }
        return Speech.say(da, en)
    }

    /// A registration's status in a listing.
    static func status(_ status: RegistrationStatus) -> String {
        let da = switch status {
        case .open: "åben"
        case .approved: "godkendt"
        case .transferred: "overført"
        case .exported: "eksporteret"
        case .deleted: "slettet"
        }
        return Speech.say(da, status.rawValue)
    }

    /// A change-log operation in a listing.
    static func operation(_ operation: Change.Operation) -> String {
        let da = switch operation {
        case .insert: "oprettet"
        case .update: "ændret"
        case .delete: "slettet"
        }
        return Speech.say(da, operation.rawValue)
    }

    /// Whether a project or supplier takes new work, in a listing.
    enum Standing {
        case barred, closed, open

        var words: String {
            switch self {
            case .barred: Speech.say("spærret", "barred")
            case .closed: Speech.say("lukket", "closed")
            case .open: Speech.say("åben", "open")
            }
        }
    }
}
