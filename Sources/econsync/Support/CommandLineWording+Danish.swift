import Replica
import Sync
import Vocabulary

extension CommandLineWording {
    /// What to do in Danish, naming the same commands.
    func danishWords(for remedy: Remedy) -> String {
        switch remedy {
        case .initialise:
            "kør først `econsync init`"
        case .upgradeReplica:
            "kør en econsync-kommando, der skriver, fx `econsync local check`"
        case .listSettings:
            "`econsync config show` viser alle indstillinger"
        case .setConfig(let key):
            "sæt den med `econsync config set \(key) N`"
        case .setOrderLayout:
            "sæt det med `econsync config set orders.layout N`, eller hent e-conomics layouts med `econsync sync units`"
        case .setHoursProduct(let hourType):
            "giv timetypen en vare med `econsync local hour-type edit \(hourType) --product P`, eller sæt en standard med "
                + "`econsync config set orders.hoursProduct NUMMER`"
        case .setProjectCustomer(let project):
            "giv projektet en kunde med `econsync local project edit \(project) --customer K`"
        case .syncCustomers:
            "kontroller, at kunden er synkroniseret (har et e-conomic-nummer): vent på næste kundesynkronisering eller tving en "
                + "(`econsync sync customers --force`), eller opret kunden i e-conomic"
        case .setEmployeeNumber:
            "giv medarbejderen sit e-conomic-medarbejdernummer (`econsync local employee edit ID --economic-id N`), eller slå "
                + "synkronisering af medarbejdere til (projects.syncEmployees)"
        case .mapActivity:
            "knyt timetypen til en aktivitet i e-conomic (`econsync local hour-type edit ID --activity N`)"
        case .enableProductCreation:
            "slå automatisk oprettelse af varer til (`econsync config set products.autoCreate true`) med en standard-varegruppe, "
                + "eller opret varen i e-conomic"
        case .deleteDraftOrder(let number):
            "slet først ordrekladde \(number) i e-conomic, og kør så `econsync order release \(number)` igen "
                + "(eller `econsync sync orders`, som frigiver alle kladder, der er slettet dér)"
        case .connect:
            "kør `econsync connect`"
        case .checkGrantToken:
            "kontroller, at hele tokenet fra e-conomics godkendelsesside kom med, og at appen blev godkendt dér; "
                + "kør så `econsync connect` (eller `econsync reconnect`) igen"
        case .reconnect:
            "forbind igen med `econsync reconnect`, og godkend adgangen på ny"
        case .disconnect:
            "kør først `econsync disconnect` for at skifte aftale"
        case .restrictCredentials(let path):
            "kør `chmod 600 \(path)` eller `econsync reconnect`"
        case .reconcileFully:
            "kør `econsync reconcile --full`, som henter e-conomic på ny og laver et nyt grundlag"
        case .resumeReconcile:
            "gør den færdig med `econsync reconcile --resume` (intet sendes to gange)"
        case .finishSync:
            "`econsync sync` gør det færdigt (en afbrudt afsendelse afklares først)"
        case .resumeIntegration:
            "genoptag den med `econsync resume`"
        case .waitForCooldown(let until):
            "modulet kan køre igen kl. \(LocalTime.string(until)), eller nu med `--force`"
        case .retryLater(after: .timeout):
            "modulet blev frigivet automatisk og kører igen, når det er tid; hænger det igen, så tjek netværket og e-conomics driftsstatus"
        case .retryLater(after: .network):
            "intet går tabt: arbejdet i marken fortsætter offline, og næste `econsync sync` (eller `econsync run`) sender det, "
                + "når e-conomic kan nås; tjek netværket, hvis det bliver ved"
        case .retryLater(after: .rateLimit):
            "intet at gøre nu: modulet kører igen, når det er tid; bliver det ved, bruger en anden integration måske aftalens API-kvote"
        }
    }
}
