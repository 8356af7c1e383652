import Snapshot

/// What an e-conomic user does with an order that the API does not emulate:
/// sends a draft (it moves to `/orders/sent`), or archives a draft or sent
/// order (it moves to `/orders/archived`, as when it is invoiced). The order
/// keeps its number and its data.
///
/// ```
/// POST /_emulator/orders/7/send        draft 7 is now served at /orders/sent/7
/// POST /_emulator/orders/7/archive     …and now at /orders/archived/7
/// ```
public enum OrderMove: String, CaseIterable, Sendable {
    case send, archive

    /// Where the order goes.
    var target: RecordKind {
        switch self {
        case .send: .sentOrder
        case .archive: .archivedOrder
        }
    }

    /// Where the order may come from.
    var sources: [RecordKind] {
        switch self {
        case .send: [.order]
        case .archive: [.order, .sentOrder]
        }
    }
}

extension EmulatorState {
    /// Moves order `number` as `move` says, stamping `lastUpdated`; the
    /// refusal when it is in none of the move's sources.
    mutating func moveOrder(_ number: Int64, _ move: OrderMove) -> EmulatorError? {
        let key = RecordKey.int(number)
        guard let source = move.sources.first(where: { store.contains($0, key) }), let data = store.remove(source, key) else {
            let places = move.sources.map { RESTResource.byKind[$0]!.path }.joined(separator: " or ")
            return EmulatorError("No order \(number) in \(places) to \(move.rawValue).")
        }
        _ = userEdit(kind: move.target, key: key, data: data)
        return nil
    }
}

extension EconomicEmulator {
    /// Moves order `number` as an e-conomic user would (see ``OrderMove``).
    ///
    /// ```swift
    /// try emulator.moveOrder(7, .send)
    /// ```
    public func moveOrder(_ number: Int64, _ move: OrderMove) throws {
        if let refusal = locked({ $0.moveOrder(number, move) }) { throw refusal }
    }
}
