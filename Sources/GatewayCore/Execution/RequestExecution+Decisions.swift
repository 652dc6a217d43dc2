/// How each mode reacts to a failure, and the bookkeeping every event shares: starting
/// attempts, rounds, finishing, and keeping the one timer on the earliest instant due.
extension RequestExecution {
    /// A route's attempt failed (on its own, or by its first-token limit).
    mutating func failed(_ route: Route, _ failure: AttemptFailure, now: ContinuousClock.Instant, into actions: inout [ExecutionAction]) {
        switch setup.mode {
        case .sequential:
            var random = self.random
            let decision = plan.attemptFailed(failure, now: now, deadline: setup.deadline, random: &random)
            self.random = random
            apply(decision, now: now, into: &actions)
        case .race:
            failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure))
            if running.isEmpty { roundEnded(now: now, into: &actions) }
        case .hedge:
            failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure))
            guard running.isEmpty else { return }
            if let next = waiting.first {
                // A failover, not a hedge: it costs no budget and waits for no delay.
                waiting.removeFirst()
                startAttempt(next, now: now, into: &actions)
            } else {
                roundEnded(now: now, into: &actions)
            }
        }
    }

    /// Sequential mode: what the route walk decided.
    mutating func apply(_ decision: FallbackPlan.Decision, now: ContinuousClock.Instant, into actions: inout [ExecutionAction]) {
        switch decision {
        case .tryRoute(let route):
            startAttempt(route, now: now, into: &actions)
        case .retry(let route, let wait):
            actions.append(.retried(route))
            if wait <= .zero {
                startAttempt(route, now: now, into: &actions)
            } else {
                pending = (.retry(route), now + wait)
            }
        case .giveUp(let failures):
            finish(failing: .allProvidersFailed(setup.skipped + failures), into: &actions)
        }
    }

    /// Race and hedge: every contender of the round failed. Another round runs when one of
    /// the failures may pass on retry and its (jittered) backoff ends before the deadline.
    mutating func roundEnded(now: ContinuousClock.Instant, into actions: inout [ExecutionAction]) {
        let policy = setup.contestRetry
        let retryable = failures[roundFailuresStart...].contains { $0.failure.isRetryable }
        if round < setup.contestRounds, retryable {
            var random = self.random
            let wait = policy.delay(beforeRetry: round, retryAfter: nil, using: &random)
            self.random = random
            if now + wait < setup.deadline {
                round += 1
                roundFailuresStart = failures.count
                for route in setup.routes { actions.append(.retried(route)) }
                // A backoff of zero starts the round at once, as a sequential retry does.
                if wait <= .zero {
                    startRound(now: now, into: &actions)
                } else {
                    pending = (.round, now + wait)
                }
                return
            }
        }
        finish(failing: .allProvidersFailed(setup.skipped + failures), into: &actions)
    }

    /// Race: every route at once. Hedge: the first route, the rest waiting for the delay.
    mutating func startRound(now: ContinuousClock.Instant, into actions: inout [ExecutionAction]) {
        switch setup.mode {
        case .sequential:
            return
        case .race:
            for route in setup.routes { startAttempt(route, now: now, into: &actions) }
        case .hedge(let delay):
            waiting = Array(setup.routes.dropFirst())
            hedgeAsked = false
            hedgeAt = waiting.isEmpty ? nil : now + delay
            if let first = setup.routes.first { startAttempt(first, now: now, into: &actions) }
        }
    }

    mutating func startAttempt(_ route: Route, now: ContinuousClock.Instant, into actions: inout [ExecutionAction]) {
        let id = AttemptID(nextNumber)
        nextNumber += 1
        running.append((id, Running(route: route, firstTokenDeadline: setup.firstTokenTimeouts[route].map { now + $0 })))
        actions.append(.start(id, route))
    }

    mutating func finish(failing error: GatewayError, into actions: inout [ExecutionAction]) {
        phase = .done
        pending = nil
        hedgeAt = nil
        actions.append(.fail(error))
        disarm(into: &actions)
    }

    /// Arms the timer for the earliest instant anything is due: the deadline, a running
    /// attempt's first-token limit, a pending retry or round, the hedge delay.
    mutating func reschedule(into actions: inout [ExecutionAction]) {
        guard phase == .running else { return }
        var next = setup.deadline
        for attempt in running {
            if let limit = attempt.attempt.firstTokenDeadline, limit < next { next = limit }
        }
        if let (_, at) = pending, at < next { next = at }
        if let hedgeAt, !hedgeAsked, !running.isEmpty, !waiting.isEmpty, hedgeAt < next { next = hedgeAt }
        guard armedAt != next else { return }
        armedAt = next
        actions.append(.schedule(next))
    }

    mutating func disarm(into actions: inout [ExecutionAction]) {
        guard armedAt != nil else { return }
        armedAt = nil
        actions.append(.schedule(nil))
    }
}
