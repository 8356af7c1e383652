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

    /// Holds back the answer to every API request from the `n`-th from now on
    /// (1: the next), each after it has had its effect, until
    /// ``releaseHeldAnswer()`` or ``stop()``: e-conomic accepts connections
    /// and requests but has gone silent, and every retry waits as the first did.
    ///
    /// ```swift
    /// emulator.holdEveryAnswer(fromRequest: 1)
    /// // econsync sync gives up at its idle-read limit: e-conomic is unreachable
    /// emulator.releaseHeldAnswer()
    /// ```
    public func holdEveryAnswer(fromRequest n: Int = 1) {
        hold.arm(at: requestCount + max(1, n), andLater: true)
    }

    /// Returns once the held request has arrived and had its effect (or the hold was released).
    public func heldAnswerReached() async {
        await hold.reached()
    }

    /// Answers the held request (or requests), and every later one at once.
    public func releaseHeldAnswer() {
        hold.release()
    }
}
