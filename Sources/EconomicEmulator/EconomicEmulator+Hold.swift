extension EconomicEmulator {
    /// Holds back the answer to the `n`-th API request from now (1: the next),
    /// after the request has had its effect, until ``releaseHeldAnswer()`` or
    /// ``stop()``: the client waits as on an answer lost in the network.
    ///
    /// ```swift
    /// emulator.holdAnswer(toRequest: 40)
    /// await emulator.heldAnswerReached()   // kill the client here: always after the same request
    /// emulator.releaseHeldAnswer()
    /// ```
    public func holdAnswer(toRequest n: Int) {
        hold.arm(at: requestCount + max(1, n))
    }

    /// Returns once the held request has arrived and had its effect (or the hold was released).
    public func heldAnswerReached() async {
        await hold.reached()
    }

    /// Answers the held request, and every later one at once.
    public func releaseHeldAnswer() {
        hold.release()
    }
}
