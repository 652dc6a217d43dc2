import GatewayCore
import Testing

/// `single`, `fallback` and a tier's routes: one attempt at a time, with a manual clock.
@Suite("RequestExecution: single and fallback")
struct SequentialExecutionTests {
    typealias H = ExecutionHarness

    @Test func theFirstRouteStartsAndItsAnswerIsTheAnswer() {
        var h = H(mode: .sequential)
        h.start()
        #expect(h.started == [H.a])
        #expect(h.timerMilliseconds == 10_000, "only the deadline is armed")
        let actions = h.answered(0, at: 30)
        #expect(actions.contains(.answer(AttemptID(0))))
        #expect(actions.last == .schedule(nil), "the timer is disarmed")
        #expect(h.execution.isDone)
    }

    @Test func aServerErrorIsRetriedOnTheSameRouteAfterItsBackoff() {
        var h = H(mode: .sequential, retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(100), maxDelay: .seconds(1)))
        h.start()
        let actions = h.failed(0, .serverError, at: 20)
        #expect(actions.contains(.retried(H.a)))
        // Full jitter: the retry waits somewhere in [0, 100] ms; it starts only when the timer fires.
        if let waited = h.timerMilliseconds, waited > 20 {
            #expect(waited <= 120)
            #expect(h.started == [H.a])
            h.fireArmed()
        }
        #expect(h.started == [H.a, H.a])
        h.failed(1, .serverError, at: 200)
        #expect(h.started == [H.a, H.a, H.b], "out of retries on a, the next route")
    }

    @Test func aRetryThatWouldPassTheDeadlineIsNotMade() {
        var h = H(mode: .sequential, routes: [H.a], retry: RetryPolicy(maxAttempts: 3), timeout: .milliseconds(500))
        h.start()
        h.failed(0, .rateLimited(2), at: 10)
        #expect(h.started == [H.a])
        guard case .allProvidersFailed(let failures)? = h.failure else {
            Issue.record("expected a give-up, got \(h.log)")
            return
        }
        #expect(failures.count == 1)
        #expect(GatewayError.allProvidersFailed(failures).httpStatus == 429)
    }

    @Test(arguments: [AttemptFailure.rateLimited(5), AttemptFailure.upstream(.firstTokenTimeout)])
    func aRateLimitOrAStallMovesToTheNextRouteAtOnce(_ failure: AttemptFailure) {
        var h = H(mode: .sequential, retry: RetryPolicy(maxAttempts: 2))
        h.start()
        h.failed(0, failure, at: 10)
        #expect(h.started == [H.a, H.b])
    }

    @Test func theFirstTokenLimitCancelsTheAttemptAsAProviderFailureAndFallsBack() {
        var h = H(mode: .sequential, firstToken: .milliseconds(300))
        h.start()
        #expect(h.timerMilliseconds == 300)
        let actions = h.fire(at: 300)
        #expect(actions.contains(.cancel(AttemptID(0), .firstTokenTimeout)))
        #expect(h.started == [H.a, H.b])
        #expect(h.timerMilliseconds == 600, "the next attempt's own first-token limit")
        // The cancelled attempt's own late failure changes nothing.
        #expect(h.failed(0, .upstream(.connectionFailed("cancelled")), at: 301).isEmpty)
        h.answered(1, at: 400)
        #expect(h.answer == AttemptID(1))
    }

    @Test func theDeadlineCancelsWhatRunsAndFailsAs504() {
        var h = H(mode: .sequential, timeout: .seconds(1))
        h.start()
        let actions = h.fire(at: 1000)
        #expect(actions.contains(.cancel(AttemptID(0), .requestEnded)))
        #expect(h.failure == .deadlineExceeded(milliseconds: 1000))
        #expect(h.failure?.httpStatus == 504)
    }

    /// The transport's own timeout can report a failure at the deadline a moment before the
    /// request's timer fires: the client is told the deadline passed (504), not that the
    /// provider failed (502), and nothing else is started.
    @Test func aFailureAtTheDeadlineIsTheDeadlines() {
        var h = H(mode: .sequential, timeout: .seconds(1))
        h.start()
        h.failed(0, .upstream(.connectionFailed("connect timed out")), at: 1000)
        #expect(h.failure == .deadlineExceeded(milliseconds: 1000))
        #expect(h.started == [H.a], "no fallback after the deadline")
    }

    @Test func theDeadlineWinsOverAPendingRetry() {
        var h = H(mode: .sequential, routes: [H.a], retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(900), maxDelay: .milliseconds(900)), timeout: .seconds(1))
        h.start()
        h.failed(0, .upstream(.overloaded(status: 529, message: "busy")), at: 50)
        h.fire(at: 1000)
        #expect(h.failure == .deadlineExceeded(milliseconds: 1000))
        #expect(h.started.count <= 2)
    }

    @Test func everyRouteFailingReportsEachFailureByName() {
        var h = H(mode: .sequential, routes: [H.a, H.b, H.c])
        h.start()
        h.failed(0, .serverError, at: 10)
        h.failed(1, .circuitOpen, at: 11)
        h.failed(2, .rejected, at: 12)
        guard case .allProvidersFailed(let failures)? = h.failure else {
            Issue.record("expected all providers failed")
            return
        }
        #expect(failures.map(\.provider) == ["a", "b", "c"])
    }

    @Test func noRoutesFailsAtOnce() {
        var h = H(mode: .sequential, routes: [])
        h.start()
        #expect(h.failure == .allProvidersFailed([]))
    }

    @Test func theClientGoingAwayCancelsAndEventsAfterwardAreDiscarded() {
        var h = H(mode: .sequential)
        h.start()
        let actions = h.clientGone()
        #expect(actions.contains(.cancel(AttemptID(0), .requestEnded)))
        #expect(h.failure == .clientDisconnected)
        #expect(h.answered(0, at: 20) == [.discard(AttemptID(0))])
        #expect(h.fire(at: 30).isEmpty)
    }
}
