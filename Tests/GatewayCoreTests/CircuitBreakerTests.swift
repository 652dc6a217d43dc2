import GatewayCore
import Testing

@Suite("Circuit breaker state machine")
struct CircuitBreakerTests {
    let start = ContinuousClock.now
    let config = CircuitBreakerConfig(
        window: .seconds(10), minimumRequests: 4, failureRateThreshold: 0.5,
        openDuration: .seconds(5), halfOpenProbes: 1, successesToClose: 2, consecutiveFailures: 0)

    @Test func staysClosedBelowMinimumRequests() {
        var breaker = CircuitBreaker(config: config, now: start)
        for step in 0..<3 {
            #expect(breaker.attemptFailed(isProbe: false, now: start + .milliseconds(step)) == nil)
        }
        #expect(breaker.state == .closed)
        #expect(breaker.admit(now: start).0 == .allowed)
    }

    @Test func opensAtTheFailureRateAndRejects() {
        var breaker = CircuitBreaker(config: config, now: start)
        _ = breaker.attemptSucceeded(isProbe: false, now: start)
        _ = breaker.attemptSucceeded(isProbe: false, now: start)
        _ = breaker.attemptFailed(isProbe: false, now: start)
        let transition = breaker.attemptFailed(isProbe: false, now: start + .milliseconds(1))
        #expect(transition == .opened)
        #expect(breaker.state.name == "open")
        #expect(breaker.admit(now: start + .seconds(1)).0 == .rejected)
    }

    @Test func oldFailuresSlideOutOfTheWindow() {
        var breaker = CircuitBreaker(config: config, now: start)
        for _ in 0..<3 { _ = breaker.attemptFailed(isProbe: false, now: start) }
        // 20 s later the three failures are outside the 10 s window.
        let later = start + .seconds(20)
        for _ in 0..<3 { _ = breaker.attemptSucceeded(isProbe: false, now: later) }
        #expect(breaker.attemptFailed(isProbe: false, now: later) == nil)
        #expect(breaker.state == .closed)
    }

    @Test func halfOpenProbeSuccessesClose() {
        var breaker = openBreaker()
        let afterOpen = start + .seconds(6)
        let (admission, transition) = breaker.admit(now: afterOpen)
        #expect(admission == .probe)
        #expect(transition == .halfOpened)
        // Only one probe at a time.
        #expect(breaker.admit(now: afterOpen).0 == .rejected)
        #expect(breaker.attemptSucceeded(isProbe: true, now: afterOpen) == nil)
        #expect(breaker.admit(now: afterOpen).0 == .probe)
        #expect(breaker.attemptSucceeded(isProbe: true, now: afterOpen) == .closed)
        #expect(breaker.state == .closed)
    }

    @Test func failedProbeReopens() {
        var breaker = openBreaker()
        let afterOpen = start + .seconds(6)
        #expect(breaker.admit(now: afterOpen).0 == .probe)
        #expect(breaker.attemptFailed(isProbe: true, now: afterOpen) == .opened)
        #expect(breaker.admit(now: afterOpen + .seconds(1)).0 == .rejected)
    }

    @Test func abandonedProbeFreesItsSlot() {
        var breaker = openBreaker()
        let afterOpen = start + .seconds(6)
        #expect(breaker.admit(now: afterOpen).0 == .probe)
        breaker.attemptAbandoned(isProbe: true)
        #expect(breaker.admit(now: afterOpen).0 == .probe)
    }

    private func openBreaker() -> CircuitBreaker {
        var breaker = CircuitBreaker(config: config, now: start)
        for _ in 0..<4 { _ = breaker.attemptFailed(isProbe: false, now: start) }
        precondition(breaker.state.name == "open")
        return breaker
    }

    /// A provider that breaks after a long healthy run: the rate needs the window's
    /// successes outweighed first, the run of failures does not.
    @Test func consecutiveFailuresOpenItWhateverTheWindowHolds() {
        var config = self.config
        config.minimumRequests = 1
        config.consecutiveFailures = 5
        var breaker = CircuitBreaker(config: config, now: start)
        for step in 0..<100 { _ = breaker.attemptSucceeded(isProbe: false, now: start + .milliseconds(step)) }
        for step in 0..<4 {
            #expect(breaker.attemptFailed(isProbe: false, now: start + .milliseconds(200 + step)) == nil)
        }
        #expect(breaker.attemptFailed(isProbe: false, now: start + .milliseconds(210)) == .opened)
        #expect(breaker.admit(now: start + .milliseconds(300)).0 == .rejected)
    }

    @Test func aSuccessBreaksTheRun() {
        var config = self.config
        config.minimumRequests = 1000
        config.consecutiveFailures = 3
        var breaker = CircuitBreaker(config: config, now: start)
        for _ in 0..<10 {
            _ = breaker.attemptFailed(isProbe: false, now: start)
            _ = breaker.attemptFailed(isProbe: false, now: start)
            _ = breaker.attemptSucceeded(isProbe: false, now: start)
        }
        #expect(breaker.state == .closed)
        #expect(breaker.attemptFailed(isProbe: false, now: start) == nil)
        #expect(breaker.attemptFailed(isProbe: false, now: start) == nil)
        #expect(breaker.attemptFailed(isProbe: false, now: start) == .opened)
    }

    @Test func aRunAfterClosingAgainStartsFromZero() {
        var config = self.config
        config.minimumRequests = 1000
        config.consecutiveFailures = 2
        var breaker = CircuitBreaker(config: config, now: start)
        _ = breaker.attemptFailed(isProbe: false, now: start)
        #expect(breaker.attemptFailed(isProbe: false, now: start) == .opened)
        let later = start + .seconds(6)
        #expect(breaker.admit(now: later).0 == .probe)
        _ = breaker.attemptSucceeded(isProbe: true, now: later)
        #expect(breaker.admit(now: later).0 == .probe)
        #expect(breaker.attemptSucceeded(isProbe: true, now: later) == .closed)
        #expect(breaker.attemptFailed(isProbe: false, now: later) == nil)
    }

    @Test func zeroTurnsTheRunOff() {
        var config = self.config  // consecutiveFailures 0
        config.minimumRequests = 1000
        var breaker = CircuitBreaker(config: config, now: start)
        for step in 0..<50 { #expect(breaker.attemptFailed(isProbe: false, now: start + .milliseconds(step)) == nil) }
    }
}
