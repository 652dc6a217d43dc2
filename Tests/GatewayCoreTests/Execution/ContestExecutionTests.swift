import GatewayCore
import Testing

/// `race` and `hedge`, with a manual clock: every ordering of answers, failures, timers
/// and budget decisions that changes the outcome.
@Suite("RequestExecution: race and hedge")
struct ContestExecutionTests {
    typealias H = ExecutionHarness

    // MARK: race

    @Test func aRaceStartsEveryRouteAtOnceAndTheFirstAnswerCancelsTheRest() {
        var h = H(mode: .race, routes: [H.a, H.b, H.c])
        h.start()
        #expect(h.started == [H.a, H.b, H.c])
        let actions = h.answered(1, at: 40)
        #expect(actions.contains(.answer(AttemptID(1))))
        #expect(h.cancelled.map(\.0) == [AttemptID(0), AttemptID(2)])
        #expect(h.cancelled.allSatisfy { $0.1 == .lostContest })
        #expect(h.answered(0, at: 41) == [.discard(AttemptID(0))], "a late winner is released")
    }

    @Test func aLosersErrorIsIgnoredWhileAnotherCanStillAnswer() {
        var h = H(mode: .race)
        h.start()
        #expect(h.failed(0, .serverError, at: 10).isEmpty || h.failure == nil)
        #expect(h.failure == nil)
        h.answered(1, at: 50)
        #expect(h.answer == AttemptID(1))
    }

    @Test func whenEveryContenderFailsRetryablyTheRaceRunsAgainAfterABackoff() {
        var h = H(mode: .race, retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(50), maxDelay: .milliseconds(50)))
        h.start()
        h.failed(0, .serverError, at: 10)
        h.failed(1, .upstream(.firstTokenTimeout), at: 12)
        #expect(h.failure == nil)
        #expect(h.log.contains(.retried(H.a)))
        if h.started.count == 2 { h.fireArmed() }
        #expect(h.started == [H.a, H.b, H.a, H.b], "a second round")
        h.failed(2, .serverError, at: 200)
        h.failed(3, .serverError, at: 201)
        guard case .allProvidersFailed(let failures)? = h.failure else {
            Issue.record("expected a give-up after the last round")
            return
        }
        #expect(failures.count == 4)
    }

    @Test func aRaceWhoseFailuresCannotPassOnRetryGivesUp() {
        var h = H(mode: .race, retry: RetryPolicy(maxAttempts: 3))
        h.start()
        h.failed(0, .rejected, at: 5)
        h.failed(1, .rejected, at: 6)
        #expect(h.started.count == 2)
        #expect(h.failure?.httpStatus == 400)
    }

    @Test func routesWithOpenBreakersAreReportedNotRaced() {
        let open = ProviderFailure(provider: "c", model: "m-c", failure: .circuitOpen)
        var h = H(mode: .race, routes: [H.a], skipped: [open])
        h.start()
        h.failed(0, .serverError, at: 5)
        guard case .allProvidersFailed(let failures)? = h.failure else {
            Issue.record("expected a give-up")
            return
        }
        #expect(failures.first == open)
        var none = H(mode: .race, routes: [], skipped: [open])
        none.start()
        #expect(none.failure == .allProvidersFailed([open]))
    }

    @Test func aContenderPastItsFirstTokenLimitIsCancelledAndTheOtherCanStillWin() {
        var h = H(mode: .race, firstToken: .milliseconds(200))
        h.start()
        h.failed(1, .serverError, at: 10)
        let actions = h.fire(at: 200)
        #expect(actions.contains(.cancel(AttemptID(0), .firstTokenTimeout)))
        #expect(h.failure != nil, "no contender left and no retry allowed")
    }

    // MARK: hedge

    @Test func aPrimaryThatAnswersBeforeTheDelayIsNeverHedged() {
        var h = H(mode: .hedge(delay: .milliseconds(150)))
        h.start()
        #expect(h.started == [H.a])
        #expect(h.timerMilliseconds == 150)
        h.answered(0, at: 100)
        #expect(h.answer == AttemptID(0))
        #expect(!h.log.contains { if case .askHedge = $0 { true } else { false } })
        #expect(h.fire(at: 150).isEmpty, "a timer that fires late changes nothing")
    }

    @Test func pastTheDelayTheBudgetIsAskedAndAGrantedHedgeCanWin() {
        var h = H(mode: .hedge(delay: .milliseconds(150)))
        h.start()
        let asked = h.fire(at: 150)
        #expect(asked.contains(.askHedge(H.b)))
        #expect(h.started == [H.a], "nothing starts before the budget answers")
        let granted = h.hedge(granted: true, at: 151)
        #expect(granted.contains(.hedgeFired(H.b)))
        #expect(h.started == [H.a, H.b])
        h.answered(1, at: 200)
        #expect(h.answer == AttemptID(1))
        #expect(h.cancelled.map(\.0) == [AttemptID(0)], "the slow primary is cancelled")
    }

    @Test func aDeniedHedgeLeavesThePrimaryAlone() {
        var h = H(mode: .hedge(delay: .milliseconds(150)))
        h.start()
        h.fire(at: 150)
        let denied = h.hedge(granted: false, at: 150)
        #expect(denied.contains(.hedgeDenied(H.b)))
        #expect(h.started == [H.a])
        #expect(h.timerMilliseconds == 10_000, "only the deadline is left")
        h.answered(0, at: 900)
        #expect(h.answer == AttemptID(0))
    }

    @Test func aFailingPrimaryIsReplacedAtOnceWithoutTheBudget() {
        var h = H(mode: .hedge(delay: .seconds(5)))
        h.start()
        let actions = h.failed(0, .serverError, at: 20)
        #expect(h.started == [H.a, H.b])
        #expect(!actions.contains { if case .askHedge = $0 { true } else { false } })
        h.answered(1, at: 60)
        #expect(h.answer == AttemptID(1))
    }

    @Test func theHedgeTimerAndAFailureAtTheSameInstant() {
        var h = H(mode: .hedge(delay: .milliseconds(100)), routes: [H.a, H.b, H.c])
        h.start()
        h.fire(at: 100)
        // The primary fails while the budget question is out: the next route fails over now.
        h.failed(0, .serverError, at: 100)
        #expect(h.started == [H.a, H.b])
        // The budget's late answer may start the third route as a hedge of the second.
        h.hedge(granted: true, at: 101)
        #expect(h.started == [H.a, H.b, H.c])
    }

    @Test func theDeadlineEndsAHedgeWithBothRunning() {
        var h = H(mode: .hedge(delay: .milliseconds(100)), timeout: .seconds(1))
        h.start()
        h.fire(at: 100)
        h.hedge(granted: true, at: 100)
        h.fire(at: 1000)
        #expect(h.cancelled.count == 2)
        #expect(h.cancelled.allSatisfy { $0.1 == .requestEnded })
        #expect(h.failure == .deadlineExceeded(milliseconds: 1000))
    }

    @Test func theTimerIsAlwaysArmedForTheEarliestDueInstant() {
        var h = H(mode: .hedge(delay: .milliseconds(400)), firstToken: .milliseconds(250))
        h.start()
        #expect(h.timerMilliseconds == 250, "the primary's first-token limit comes before the hedge delay")
        h.fire(at: 250)
        #expect(h.started == [H.a, H.b], "the stalled primary failed over")
        #expect(h.timerMilliseconds == 500, "the new attempt's own limit")
    }
}
