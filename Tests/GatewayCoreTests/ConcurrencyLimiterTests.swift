import GatewayCore
import Testing

@Suite("Concurrency limiter state machine")
struct ConcurrencyLimiterTests {
    @Test func runsUpToTheLimitThenQueuesThenRejects() {
        var limiter = ConcurrencyLimiter<Int>(limits: ConcurrencyLimits(maxInFlight: 2, maxQueue: 1))
        #expect(limiter.acquire(1) == .run)
        #expect(limiter.acquire(2) == .run)
        #expect(limiter.acquire(3) == .queued)
        #expect(limiter.acquire(4) == .rejected)
        #expect(limiter.inFlight == 2)
        #expect(limiter.queued == 1)
    }

    @Test func releaseHandsTheSlotToTheOldestWaiter() {
        var limiter = ConcurrencyLimiter<Int>(limits: ConcurrencyLimits(maxInFlight: 1, maxQueue: 5))
        #expect(limiter.acquire(1) == .run)
        #expect(limiter.acquire(2) == .queued)
        #expect(limiter.acquire(3) == .queued)
        #expect(limiter.release() == 2)
        #expect(limiter.inFlight == 1)
        #expect(limiter.release() == 3)
        #expect(limiter.release() == nil)
        #expect(limiter.inFlight == 0)
    }

    @Test func cancelledWaiterLeavesTheQueue() {
        var limiter = ConcurrencyLimiter<Int>(limits: ConcurrencyLimits(maxInFlight: 1, maxQueue: 5))
        _ = limiter.acquire(1)
        _ = limiter.acquire(2)
        _ = limiter.acquire(3)
        let removed = limiter.cancel(2)
        let removedAgain = limiter.cancel(2)
        #expect(removed)
        #expect(!removedAgain)
        #expect(limiter.release() == 3)
    }

    @Test func newArrivalsDoNotJumpTheQueue() {
        var limiter = ConcurrencyLimiter<Int>(limits: ConcurrencyLimits(maxInFlight: 1, maxQueue: 5))
        _ = limiter.acquire(1)
        _ = limiter.acquire(2)
        // The slot goes to 2; a newcomer must queue behind it.
        #expect(limiter.release() == 2)
        #expect(limiter.acquire(3) == .queued)
    }
}
