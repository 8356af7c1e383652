import Vocabulary

/// What each setting means, in words every front end shares (`econsync
/// config show`, the panel): in Danish the brief's description where it has
/// one ("Inkluder timeregistreringer på ordren"), the catalogue's own for the
/// rest; in English the setting's ``ConfigKey/help``.
///
/// ```swift
/// try ConfigKey.named("orders.exportHours").help(.da)   // "Inkluder timeregistreringer på ordren: true eller false"
/// try ConfigKey.named("orders.exportHours").help(.en)   // "put time registrations on exported orders: true or false"
/// ```
extension ConfigKey {
    /// What the setting means and, for a closed set, which values it takes.
    public func help(_ language: Language) -> String {
        guard language == .da, let danish = danish else { return help }
        guard let values else { return danish }
        return danish + ": " + (values == ["true", "false"] ? "true eller false" : values.joined(separator: ", "))
    }

    /// The Danish description, without the values a closed set takes; nil for a setting the catalogue has no words for.
    private var danish: String? {
        if let module = Self.module(of: name, suffix: ".enabled") { return "kør modulet \(module.name(.da)) (\(module.number))" }
        if let module = Self.module(of: name, suffix: ".master") {
            return "hvem der vinder felter, der er ændret på begge sider, i modulet \(module.name(.da)): mobilplan eller economic"
        }
        return Self.danish[name]
    }

    /// The module a per-module setting (`customers.enabled`, `products.master`) names.
    private static func module(of name: String, suffix: String) -> Module? {
        name.hasSuffix(suffix) ? Module(rawValue: String(name.dropLast(suffix.count))) : nil
    }

    /// The Danish descriptions by setting: the brief's "Beskrivelse" for the wizard's settings it describes.
    private static let danish: [String: String] = [
        "projects.direction": "Synkroniser ændringer begge veje eller kun den ene vej: both, import eller export",
        "products.autoCreate": "Automatisk oprettelse: opret varer, der er nye i Mobilplan (og dem, materialer kræver), i e-conomic",
        "products.productGroup": "e-conomic-varegruppen for varer, der oprettes uden en",
        "projects.projectGroup": "e-conomic-projektgruppen for projekter, der oprettes uden en",
        "activatedAt": "hvornår integrationen blev aktiveret (UTC, 2026-11-02T08:00:00Z): historiske projekter importeres kun fra dette tidspunkt",
        "finance.enabled": "økonomimodulet er aktivt: kun da synkroniseres leverandører",
        ModuleSettings.pausedKey: "hele integrationen er sat på pause: intet modul kører, intet sendes til e-conomic (arbejdet i marken fortsætter)",
        "schedule.interval": "minutter mellem to kørsler af et modul",
        "schedule.jitter": "sekunders tilfældig forsinkelse lagt til hvert moduls næste kørsel, så modulerne spredes",
        "schedule.cooldown": "minutter, et modul hviler efter en kørsel, før det må køre igen (en tvungen kørsel venter ikke)",
        "schedule.fullInterval": "timer mellem fulde afstemninger, der sammenligner alle poster",
        "schedule.timeout": "timer, hvorefter et modul, der stadig kører, stoppes og frigives",
        "orders.exportHours": "Inkluder timeregistreringer på ordren",
        "orders.exportMaterials": "Inkluder materialeregistreringer på ordren",
        "orders.hoursText": "Format for timelinjer (f.eks. $navn $regnavn); variabler $navn $regnavn $dato $antal $enhed $tekst $projekt",
        "orders.materialsText": "Format for materialelinjer; samme variabler",
        "orders.grouping": "hvordan registreringerne samles i ordrelinjer",
        "orders.layout": "Vælg layout fra e-conomic: ordre-skabelonen for eksporterede ordrer",
        "orders.hoursProduct": "varenummeret, timer faktureres på, når deres timetype ikke har sin egen vare",
        "hourTypes.productGroup": "varegruppen, hvis varer (navngivet som en timetype) prissætter timetypens timer",
        "customers.syncCVR": "Valider og match kunder på CVR-nummer",
        "customers.syncGroups": "Importer kundegrupper fra e-conomic",
        "customers.defaultGroup": "Gruppe til nye kunder: e-conomic-debitorgruppen for kunder oprettet i Mobilplan",
        "customers.paymentTerms": "Standard betalingsbetingelser for kunder oprettet i Mobilplan",
        "customers.syncContacts": "Importer kontaktpersoner på kunder (ét kald pr. kunde)",
        "projects.syncHours": "Overfør godkendte timeregistreringer til e-conomic",
        "projects.syncMaterials": "Overfør materialeregistreringer (ved ordreeksport)",
        "projects.syncEmployees": "Match medarbejdere mellem systemer: på nummer, så e-mail, så præcist navn",
        "projects.autoApprove": "Godkend overførte timeregistreringer automatisk i e-conomic (/TimeEntries/approve)",
        "projects.bookOn": "datoen, automatisk godkendte registreringer bogføres på",
        "projects.useEmployeeRates": "Anvend individuelle timesatser: medarbejderens egen timesats i stedet for timetypens varepris",
        "projects.subProjects": "håndtering af underprojekter",
        "smtp.url": "SMTP-serveren, fejl mailes igennem: smtp://vært:port eller smtps://vært:port",
        "smtp.username": "SMTP-login, hvis serveren kræver et",
        "smtp.passwordFile": "en fil, som kun ejeren kan læse, med SMTP-adgangskoden (eller sæt $ECONSYNC_SMTP_PASSWORD)",
        "smtp.from": "afsenderadressen på beskeder",
        "smtp.to": "hvem der får beskeder: e-mailadresser adskilt af kommaer",
        "smtp.language": "sproget i beskedmails: da (dansk) eller en (engelsk)",
        "smtp.requireTLS": "send kun, når forbindelsen er krypteret; false sender i klartekst, adgangskoden med",
        "snapshots.keep": "øjebliksbilleder, der gemmes pr. aftale ud over aldersgrænsen (grundlag og reviderede gemmes altid)",
        "snapshots.maxAge": "dage, et øjebliksbillede gemmes, også ud over snapshots.keep; 0 gemmer ingen alene på grund af alderen",
    ]
}

extension Setting {
    /// What the setting means, in `language` (see ``ConfigKey/help(_:)``); its ``help`` for a setting no longer known.
    public func help(_ language: Language) -> String {
        ConfigKey.all.first { $0.name == name }?.help(language) ?? help
    }
}
