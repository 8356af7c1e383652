extension EconomicEmulator {
    /// Starts serving on `host:port` (port 0 picks a free one), runs `body`
    /// with the bound port, and awaits ``stop()`` before returning, whether
    /// `body` returned or threw: nothing outlives the scope. Returns what
    /// `body` returned.
    ///
    /// ```swift
    /// try await emulator.serving { port in
    ///     try await client(baseURL: "http://127.0.0.1:\(port)").pull()
    /// }
    /// ```
    public func serving<Result>(host: String = "127.0.0.1", port: Int = 0,
                                _ body: (Int) async throws -> Result) async throws -> Result {
        let bound = try await start(host: host, port: port)
        let result: Result
        do {
            result = try await body(bound)
        } catch {
            await stop()
            throw error
        }
        await stop()
        return result
    }
}
