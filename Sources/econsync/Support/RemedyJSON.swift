import Vocabulary

/// A ``Remedy`` for scripts (`--json`): its stable action name, its words for
/// people, and the values it carries under their own names, typed.
///
/// ```swift
/// try Output.json(RemedyJSON(.setHoursProduct(hourType: 2)))
/// // {"action": "setHoursProduct", "hourType": 2, "text": "set one with `econsync local hour-type edit 2 --product P`, …"}
/// ```
struct RemedyJSON: Encodable {
    let remedy: Remedy

    init(_ remedy: Remedy) {
        self.remedy = remedy
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(remedy.action, forKey: Key("action"))
        try container.encode(CommandLineWording(.en).words(for: remedy), forKey: Key("text"))
        for (name, value) in remedy.values {
            switch value {
            case .text(let text): try container.encode(text, forKey: Key(name))
            case .number(let number): try container.encode(number, forKey: Key(name))
            }
        }
    }
}
