import GatewayCore
import Testing

@Suite("Fallback plan and retry backoff")
struct FallbackPlanTests {
    let a = Route(provider: "a", model: "m1")
    let b = Route(provider: "b", model: "m2")
    let now = ContinuousClock.now

    @Test func retriesTheSameRouteThenFallsBack() {
        let policy = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(100))
        var plan = FallbackPlan(routes: [a, b], retryPolicies: [a: policy, b: policy])
        var random = SystemRandomNumberGenerator()
        #expect(plan.start() == .tryRoute(a))
        let failure = AttemptFailure.upstream(.serverError(status: 500, message: "x"))
        guard case .retry(let route, let wait) = plan.attemptFailed(failure, now: now, deadline: now + .seconds(5), random: &random) else {
            Issue.record("expected a retry")
            return
        }
        #expect(route == a)
        #expect(wait <= .milliseconds(10))
        #expect(plan.attemptFailed(failure, now: now, deadline: now + .seconds(5), random: &random) == .tryRoute(b))
        #expect(plan.attemptFailed(.circuitOpen, now: now, deadline: now + .seconds(5), random: &random) == .giveUp(plan.failures))
        #expect(plan.failures.count == 3)
        #expect(plan.failures.map(\.provider) == ["a", "a", "b"])
    }

    @Test func honoursRetryAfterAndTheDeadline() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        var plan = FallbackPlan(routes: [a], retryPolicies: [a: policy])
        var random = SystemRandomNumberGenerator()
        _ = plan.start()
        let limited = AttemptFailure.upstream(.rateLimited(retryAfter: .seconds(1), message: "slow down"))
        #expect(plan.attemptFailed(limited, now: now, deadline: now + .seconds(5), random: &random) == .retry(a, after: .seconds(1)))
        // A Retry-After that ends past the deadline is not waited for.
        guard case .giveUp = plan.attemptFailed(limited, now: now, deadline: now + .milliseconds(500), random: &random) else {
            Issue.record("expected give-up when the wait passes the deadline")
            return
        }
    }

    /// Issue 8, finding 7: a 429 waited out its Retry-After on the same provider while the
    /// next one was healthy, and a stall was retried before falling back.
    @Test(arguments: [
        AttemptFailure.upstream(.rateLimited(retryAfter: .seconds(2), message: "slow down")),
        AttemptFailure.upstream(.firstTokenTimeout),
    ])
    func rateLimitsAndStallsMoveToTheNextRouteAtOnce(_ failure: AttemptFailure) {
        let policy = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(100))
        var plan = FallbackPlan(routes: [a, b], retryPolicies: [a: policy, b: RetryPolicy(maxAttempts: 1)])
        var random = SystemRandomNumberGenerator()
        _ = plan.start()
        let deadline = now + .seconds(30)
        #expect(plan.attemptFailed(failure, now: now, deadline: deadline, random: &random) == .tryRoute(b))
        // Only when b fails too is a retried after what is left of its wait.
        let later = now + .milliseconds(500)
        let decision = plan.attemptFailed(.upstream(.serverError(status: 500, message: "x")), now: later, deadline: deadline, random: &random)
        guard case .retry(let route, let wait) = decision else {
            Issue.record("expected the deferred retry of a, got \(decision)")
            return
        }
        #expect(route == a)
        if case .upstream(.rateLimited) = failure { #expect(wait == .milliseconds(1500)) }
        #expect(plan.attemptFailed(failure, now: later, deadline: deadline, random: &random) == .giveUp(plan.failures))
        #expect(plan.failures.map(\.provider) == ["a", "b", "a"])
    }

    @Test func aSingleRouteStillWaitsOutItsRetryAfter() {
        var plan = FallbackPlan(routes: [a], retryPolicies: [a: RetryPolicy(maxAttempts: 2)])
        var random = SystemRandomNumberGenerator()
        _ = plan.start()
        let limited = AttemptFailure.upstream(.rateLimited(retryAfter: .seconds(1), message: "slow down"))
        #expect(plan.attemptFailed(limited, now: now, deadline: now + .seconds(5), random: &random) == .retry(a, after: .seconds(1)))
    }

    @Test func aDeferredRetryWhoseWaitHasPassedStartsAtOnce() {
        var plan = FallbackPlan(routes: [a, b], retryPolicies: [a: RetryPolicy(maxAttempts: 2), b: RetryPolicy(maxAttempts: 1)])
        var random = SystemRandomNumberGenerator()
        _ = plan.start()
        let limited = AttemptFailure.upstream(.rateLimited(retryAfter: .seconds(1), message: "slow down"))
        #expect(plan.attemptFailed(limited, now: now, deadline: now + .seconds(4), random: &random) == .tryRoute(b))
        let decision = plan.attemptFailed(.upstream(.serverError(status: 500, message: "x")), now: now + .seconds(2), deadline: now + .seconds(4), random: &random)
        #expect(decision == .retry(a, after: .zero))
    }

    @Test func nonRetryableFailureMovesOnWithoutRetry() {
        var plan = FallbackPlan(routes: [a, b], retryPolicies: [a: RetryPolicy(maxAttempts: 5)])
        var random = SystemRandomNumberGenerator()
        _ = plan.start()
        let rejected = AttemptFailure.upstream(.rejected(status: 401, message: "bad key"))
        #expect(plan.attemptFailed(rejected, now: now, deadline: now + .seconds(5), random: &random) == .tryRoute(b))
    }

    @Test func backoffIsFullJitterUnderAnExponentialCeiling() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .milliseconds(1_000))
        var random = SystemRandomNumberGenerator()
        var sawSmall = false
        for _ in 0..<200 {
            let third = policy.delay(beforeRetry: 3, retryAfter: nil, using: &random)
            #expect(third >= .zero && third <= .milliseconds(400))
            if third < .milliseconds(200) { sawSmall = true }
            let tenth = policy.delay(beforeRetry: 10, retryAfter: nil, using: &random)
            #expect(tenth <= .milliseconds(1_000))
        }
        #expect(sawSmall, "full jitter draws from the whole range, not just near the ceiling")
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(3), using: &random) == .seconds(3))
    }
}
