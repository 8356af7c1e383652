import Reconcile
import Sync

extension OrderTemplate.Variable {
    /// What the variable shows, in words for the wizard, as econsync speaks.
    var meaning: String {
        switch self {
        case .employee: Speech.say("medarbejderens navn", "the employee's name")
        case .type: Speech.say("timetypen eller varen", "the hour type or product")
        case .date: Speech.say("datoen", "the date")
        case .quantity: Speech.say("antallet", "the quantity")
        case .unit: Speech.say("enheden", "the unit")
        case .text: Speech.say("bemærkningen", "the note")
        case .project: Speech.say("projektet", "the project")
        }
    }
}
