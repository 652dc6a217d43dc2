import GatewayCache
import Testing

@Suite("Shared store breaker")
struct StoreBreakerTests {
    let start = ContinuousClock.now
    let config = StoreBreakerConfig(failuresToOpen: 3, firstProbeDelay: .milliseconds(100), maxProbeDelay: .milliseconds(350))

    func opened() -> StoreBreaker {
        var breaker = StoreBreaker(config: config)
        _ = breaker.commandFailed(now: start)
        _ = breaker.commandFailed(now: start)
        _ = breaker.commandFailed(now: start)
        return breaker
    }

    @Test func opensAfterConsecutiveFailuresOnly() {
        var breaker = StoreBreaker(config: config)
        #expect(breaker.commandFailed(now: start) == nil)
        #expect(breaker.commandFailed(now: start) == nil)
        breaker.commandSucceeded()
        #expect(breaker.commandFailed(now: start) == nil)
        #expect(breaker.commandFailed(now: start) == nil)
        #expect(breaker.health == .ok)
        #expect(breaker.commandFailed(now: start) == .opened)
        #expect(breaker.health == .degraded)
    }

    @Test func failsFastWhileOpenAndLogsTheOpeningOnce() {
        var breaker = opened()
        for step in 1..<10 {
            let (allowed, action) = breaker.admit(now: start + .milliseconds(step))
            #expect(!allowed)
            #expect(action == nil)
            #expect(breaker.commandFailed(now: start + .milliseconds(step)) == nil)
        }
    }

    @Test func probesWhenDueAndOneAtATime() {
        var breaker = opened()
        #expect(breaker.tick(now: start + .milliseconds(99)) == nil)
        #expect(breaker.tick(now: start + .milliseconds(100)) == .startProbe)
        #expect(breaker.tick(now: start + .milliseconds(500)) == nil)
        let (allowed, action) = breaker.admit(now: start + .milliseconds(500))
        #expect(!allowed)
        #expect(action == nil)
    }

    @Test func aFailedProbeBacksOffWithoutLogging() {
        var breaker = opened()
        _ = breaker.tick(now: start + .milliseconds(100))
        breaker.probeFailed(now: start + .milliseconds(100))
        #expect(breaker.nextProbe == start + .milliseconds(300))
        #expect(breaker.tick(now: start + .milliseconds(299)) == nil)
        #expect(breaker.admit(now: start + .milliseconds(300)).action == .startProbe)
        breaker.probeFailed(now: start + .milliseconds(300))
        #expect(breaker.nextProbe == start + .milliseconds(650))  // capped at 350 ms
    }

    @Test func aSuccessfulProbeClosesAndReportsTheDowntime() {
        var breaker = opened()
        _ = breaker.tick(now: start + .milliseconds(100))
        #expect(breaker.probeSucceeded(now: start + .milliseconds(120)) == .recovered(downtime: .milliseconds(120)))
        #expect(breaker.health == .ok)
        #expect(breaker.admit(now: start + .milliseconds(121)).allowed)
        #expect(breaker.probeSucceeded(now: start + .milliseconds(130)) == nil)
    }
}
