import Foundation

/// Responses to non-GET requests by `Idempotency-Key`, kept for the window
/// (one hour on e-conomic): a retry with the same key gets the first response
/// again, marked `X-ResultFromCache: true`, and nothing is executed twice.
struct IdempotencyCache: Sendable {
    struct Entry: Sendable {
        var stored: Date
        var response: EmulatorResponse
    }

    let window: TimeInterval
    private(set) var entries: [String: Entry] = [:]

    init(window: TimeInterval) { self.window = window }

    /// The cached response for `key`, if it is younger than the window.
    mutating func lookup(_ key: String, now: Date) -> EmulatorResponse? {
        purge(now)
        guard let entry = entries[key] else { return nil }
        var response = entry.response
        response.setHeader("X-ResultFromCache", "true")
        return response
    }

    /// Remembers `response` for `key` (server faults and 429s are not remembered: a retry should run).
    mutating func store(_ key: String, _ response: EmulatorResponse, now: Date) {
        guard response.status < 500, response.status != 429, !response.drop else { return }
        entries[key] = Entry(stored: now, response: response)
    }

    mutating func purge(_ now: Date) {
        entries = entries.filter { now.timeIntervalSince($0.value.stored) < window }
    }
}
