import Foundation
import HTTPTypes
import Replica
import Sync
import Vocabulary

/// A page or `/api/…` answer that could not be made, as the panel tells it:
/// a 503 when the replica is busy with another process (the page may work in
/// a moment), else a 500; the error's code and words (a ``CodedError``'s
/// remedy worded for the panel), `failed` for an error without a code.
///
/// ```swift
/// let failure = PanelFailure(ReplicaError(.busy, "is held by another econsync process for longer than 10 seconds"))
/// failure.status   // .serviceUnavailable
/// failure.code     // "replica.busy"
/// ```
struct PanelFailure: Sendable {
    let error: any Error

    init(_ error: any Error) {
        self.error = error
    }

    /// 503 when the error says the work did not run and may later (the replica busy), else 500.
    var status: HTTPResponse.Status {
        (error as? any CodedError)?.outcome == .notRun ? .serviceUnavailable : .internalServerError
    }

    /// The error's stable code (`replica.corrupt`), as the CLI's `--json` names it; `failed` for an error without one.
    var code: String {
        (error as? any CodedError)?.identifier ?? "failed"
    }

    /// What kind of trouble it is, in the office's words: the brief's for a sync error's kind, the
    /// panel's for a replica that cannot be used or is busy; nil for any other error.
    func headline(_ language: PanelLanguage) -> String? {
        if let error = error as? SyncError { return error.code.headline(language) }
        guard let error = error as? any CodedError else { return nil }
        return switch error.outcome {
        case .replicaUnusable: PanelText.replicaUnusable.in(language)
        case .notRun where error is ReplicaError: PanelText.replicaBusy.in(language)
        case .needsReconnect: SyncError.Code.needsReconnect.headline(language)
        case .unreachable: SyncError.Code.unreachable.headline(language)
        default: nil
        }
    }

    /// The error in words, in `language` where the catalogue words it, its remedy (if any) as the panel words it.
    func detail(_ language: PanelLanguage) -> String {
        let wording = PanelRemedyWording(language)
        if let error = error as? SyncError { return (error.module.map { "\($0): " } ?? "") + error.detail(wording, in: language) }
        if let error = error as? any WordedError { return error.describe(wording, in: language) }
        guard let error = error as? any CodedError else { return String(describing: error) }
        return error.describe(wording)
    }

    /// The `/api/…` answer's body, in the shape of the CLI's `--json` errors:
    /// `{"error": {"code", "message", "records"}}`, the message in English.
    var json: String {
        let coded = error as? any CodedError
        let body = Body(error: .init(code: code, message: coded.map { $0.describe(PanelRemedyWording(.en)) } ?? String(describing: error),
                                     records: coded?.records ?? []))
        return (try? PanelJSON.encode(body)) ?? "{\"error\": {\"code\": \"failed\"}}\n"
    }

    private struct Body: Encodable {
        struct Error: Encodable {
            var code: String
            var message: String
            var records: [String]
        }

        var error: Error
    }
}
