import Economic

extension ReconcileCommand {
    /// The errors after which a run stops part-way and is left to resume:
    /// e-conomic kept answering 429 or 5xx, or could not be reached, after every retry.
    static let resumableCodes: Set<EconomicError.Code> = [.rateLimited, .server, .transport]

    /// Runs an apply or a resume; when it stops on a resumable error, the
    /// error says so and how to finish the run (`econsync reconcile --resume`).
    func resumable<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EconomicError where Self.resumableCodes.contains(error.code) {
            throw CommandFailure("\(error.commandLineText)\nthe reconcile stopped part-way and gave up for now; what was sent is recorded: "
                                 + "run `econsync reconcile --resume` to finish it when e-conomic answers again")
        }
    }
}
