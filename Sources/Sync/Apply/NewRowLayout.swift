import Reconcile
import Snapshot
import Vocabulary

/// Where each property of a kind's new replica rows comes from when a pull
/// inserts them: the mapped fields of e-conomic's record, e-conomic's key
/// (a project's or an employee's number, an hour type's activity), or a
/// default for what e-conomic leaves out (a false boolean is omitted there).
///
/// It is laid out once per kind, so that each of a first pull's 100,000 rows
/// is decoded from an array of its converted values, not from a dictionary
/// built for it (hashing every property name twice per row cost more than
/// the rest of building the row). A class: each row's ``Fields`` and the
/// containers decoding it hold one reference to it, not a copy of the mapping.
/// It learns the order its rows' properties are asked in as they are
/// decoded, so it serves one thread (one pull transaction).
///
/// ```swift
/// let layout = NewRowLayout(Kind.customer.mapping!)
/// let customer = try JSONValueDecoder.decode(Customer.self, fields: layout.fields(values, key: "1001"))
/// ```
final class NewRowLayout {
    let mapping: KindMapping
    private let slots: [String: Slot]
    /// The properties in the order a row's decoding asked for them, learned
    /// from the first row: each row's are then found by comparing names, not
    /// by hashing them (a record type's decoding asks the same names in the same order).
    private var asked: [(name: String, slot: Slot?)] = []
    /// The next of ``asked`` expected in the row being decoded.
    private var next = 0
    private var learning = true

    /// Where one property's value comes from.
    private struct Slot {
        /// The mapped fields that set it, by index: the last one with a value wins.
        var fields: [Int] = []
        /// Set from e-conomic's key, whatever the fields say.
        var isKey = false
        /// Its value when no field has one.
        var fallback: JSONValue?

        /// Its value in a row of `values` (see ``NewRowLayout/fields(_:key:)``) with e-conomic key `key`.
        func value(_ values: [JSONValue?], key: String) -> JSONValue? {
            if isKey { return .number(key) }
            for index in fields.reversed() { if let value = values[index] { return value } }
            return fallback
        }
    }

    /// The slots of a ``FieldReadable`` type's ``FieldReadable/readFields``, in order, found once.
    private var readSlots: [Slot?]?

    init(_ mapping: KindMapping) {
        self.mapping = mapping
        var slots: [String: Slot] = [:]
        for (name, value) in PullWriter.defaults { slots[name, default: Slot()].fallback = value }
        for (index, field) in mapping.fields.enumerated() { slots[field.local, default: Slot()].fields.append(index) }
        if let keyed = Self.keyProperty(of: mapping.kind) { slots[keyed, default: Slot()].isKey = true }
        self.slots = slots
    }

    /// The property e-conomic's key sets, for kinds whose number is their key.
    static func keyProperty(of kind: Kind) -> String? {
        switch kind {
        case .project, .employee: "number"
        case .hourType: "activityNumber"
        default: nil
        }
    }

    /// One row's values: `values[i]` is the converted value of the mapping's
    /// field `i`, nil when e-conomic has none (or null); `key` is e-conomic's key.
    func fields(_ values: [JSONValue?], key: String) -> Fields {
        if next > 0 { learning = false }  // a row was decoded before: its order is learned
        next = 0
        return Fields(layout: self, values: values, key: key)
    }

    /// One row's values, read in the order of `type`'s ``FieldReadable/readFields``
    /// (the layout's kind's record type): each found by position, none by name.
    func reader<R: FieldReadable>(_ type: R.Type, _ values: [JSONValue?], key: String) -> FieldReader {
        let read = readSlots ?? R.readFields.map { slots[$0] }
        readSlots = read
        return FieldReader(names: R.readFields, values: read.map { $0?.value(values, key: key) })
    }

    /// Where property `name` comes from; nil when the kind has no such property.
    private func slot(_ name: String) -> Slot? {
        if next < asked.count, asked[next].name == name {
            defer { next += 1 }
            return asked[next].slot
        }
        let slot = slots[name]
        if learning {
            asked.append((name, slot))
            next = asked.count
        }
        return slot
    }

    /// One row's values by property name, for ``JSONValueDecoder``.
    struct Fields: JSONFields {
        let layout: NewRowLayout
        let values: [JSONValue?]
        let key: String

        subscript(name: String) -> JSONValue? {
            layout.slot(name)?.value(values, key: key)
        }

        var names: [String] { layout.slots.keys.filter { self[$0] != nil } }
    }
}
