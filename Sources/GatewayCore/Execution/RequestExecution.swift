/// One request's execution as a pure state machine: every strategy (single, fallback, race,
/// hedge, a tier's routes), the retries and rounds, the time-to-first-token limits and the
/// request deadline are decided here, with time passed in. Events in (`start`,
/// `attemptAnswered`, `attemptFailed`, `timerFired`, `hedgeDecided`, `clientGone`), actions
/// out (``ExecutionAction``); the driver performs the actions outside its lock.
///
/// Phases: `idle` → `running` (attempts, a pending retry or round, a hedge timer) →
/// `done` (answered or failed). Events after `done` only ever produce `discard`.
public struct RequestExecution: Sendable {
    enum Phase: Sendable, Hashable {
        case idle
        case running
        case done
    }

    struct Running: Sendable, Hashable {
        var route: Route
        var firstTokenDeadline: ContinuousClock.Instant?
    }

    /// Something to start later: a retry of one route, or a new race or hedge round.
    enum Pending: Sendable, Hashable {
        case retry(Route)
        case round
    }

    let setup: ExecutionSetup
    var random: JitterSource
    var phase = Phase.idle
    var nextNumber = 0
    /// Attempts in flight, in start order.
    var running: [(id: AttemptID, attempt: Running)] = []
    /// What waits for its instant, and the instant.
    var pending: (what: Pending, at: ContinuousClock.Instant)?
    /// Sequential mode's route walk.
    var plan: FallbackPlan
    /// Race and hedge: failures of every round, and the round number.
    var failures: [ProviderFailure] = []
    var roundFailuresStart = 0
    var round = 1
    /// Hedge: routes of this round not started yet, and the hedge timer.
    var waiting: [Route] = []
    var hedgeAt: ContinuousClock.Instant?
    var hedgeAsked = false
    /// The instant the driver's timer is armed for.
    var armedAt: ContinuousClock.Instant?

    public init(setup: ExecutionSetup, random: JitterSource = .system()) {
        self.setup = setup
        self.random = random
        self.plan = FallbackPlan(routes: setup.routes, retryPolicies: setup.retryPolicies)
    }

    /// True once the request is answered or failed.
    public var isDone: Bool { phase == .done }

    /// The attempts in flight.
    public var runningAttempts: [AttemptID] { running.map(\.id) }

    // MARK: Events

    /// The request starts: the first attempt(s) and the timer.
    public mutating func start(now: ContinuousClock.Instant) -> [ExecutionAction] {
        guard phase == .idle else { return [] }
        phase = .running
        var actions: [ExecutionAction] = []
        switch setup.mode {
        case .sequential:
            apply(plan.start(), now: now, into: &actions)
        case .race, .hedge:
            if setup.routes.isEmpty {
                finish(failing: .allProvidersFailed(setup.skipped), into: &actions)
            } else {
                startRound(now: now, into: &actions)
            }
        }
        reschedule(into: &actions)
        return actions
    }

    /// An attempt answered: a complete reply, or a stream's first content token.
    public mutating func attemptAnswered(_ id: AttemptID, now: ContinuousClock.Instant) -> [ExecutionAction] {
        guard phase == .running, let index = running.firstIndex(where: { $0.id == id }) else { return [.discard(id)] }
        running.remove(at: index)
        var actions: [ExecutionAction] = []
        for other in running { actions.append(.cancel(other.id, .lostContest)) }
        running.removeAll()
        actions.append(.answer(id))
        phase = .done
        pending = nil
        hedgeAt = nil
        disarm(into: &actions)
        return actions
    }

    /// The deadline passed: every running attempt is cancelled and the request fails.
    private mutating func deadlinePassed(into actions: inout [ExecutionAction]) {
        for attempt in running { actions.append(.cancel(attempt.id, .requestEnded)) }
        running.removeAll()
        finish(failing: .deadlineExceeded(milliseconds: Int(setup.timeout.components.seconds * 1000
            + setup.timeout.components.attoseconds / 1_000_000_000_000_000)), into: &actions)
    }

    /// An attempt failed (a cancelled attempt's own failure is ignored).
    public mutating func attemptFailed(_ id: AttemptID, _ failure: AttemptFailure, now: ContinuousClock.Instant) -> [ExecutionAction] {
        guard phase == .running, let index = running.firstIndex(where: { $0.id == id }) else { return [] }
        let route = running.remove(at: index).attempt.route
        var actions: [ExecutionAction] = []
        // A failure at or past the deadline is the deadline's (the transport's own timeout
        // can fire a moment before the request's timer): the client is told so, not 502.
        if now >= setup.deadline {
            deadlinePassed(into: &actions)
            return actions
        }
        failed(route, failure, now: now, into: &actions)
        reschedule(into: &actions)
        return actions
    }

    /// The timer went off: the deadline, first-token limits, a pending retry or round, the
    /// hedge delay — whichever are due.
    public mutating func timerFired(now: ContinuousClock.Instant) -> [ExecutionAction] {
        guard phase == .running else { return [] }
        armedAt = nil
        var actions: [ExecutionAction] = []
        if now >= setup.deadline {
            deadlinePassed(into: &actions)
            return actions
        }
        for attempt in running where attempt.attempt.firstTokenDeadline.map({ $0 <= now }) == true {
            running.removeAll { $0.id == attempt.id }
            actions.append(.cancel(attempt.id, .firstTokenTimeout))
            failed(attempt.attempt.route, .upstream(.firstTokenTimeout), now: now, into: &actions)
            guard phase == .running else { return actions }
        }
        if let (what, at) = pending, at <= now {
            pending = nil
            switch what {
            case .retry(let route): startAttempt(route, now: now, into: &actions)
            case .round: startRound(now: now, into: &actions)
            }
        }
        if let hedgeAt, hedgeAt <= now, !hedgeAsked, !running.isEmpty, let next = waiting.first {
            hedgeAsked = true
            actions.append(.askHedge(next))
        }
        reschedule(into: &actions)
        return actions
    }

    /// The answer to ``ExecutionAction/askHedge(_:)``.
    public mutating func hedgeDecided(granted: Bool, now: ContinuousClock.Instant) -> [ExecutionAction] {
        guard phase == .running, hedgeAsked, hedgeAt != nil, let next = waiting.first else { return [] }
        hedgeAt = nil
        var actions: [ExecutionAction] = []
        if granted, !running.isEmpty {
            waiting.removeFirst()
            startAttempt(next, now: now, into: &actions)
            actions.append(.hedgeFired(next))
        } else {
            actions.append(.hedgeDenied(next))
        }
        reschedule(into: &actions)
        return actions
    }

    /// The client went away: every attempt is cancelled and the request fails.
    public mutating func clientGone() -> [ExecutionAction] {
        guard phase != .done else { return [] }
        var actions: [ExecutionAction] = []
        for attempt in running { actions.append(.cancel(attempt.id, .requestEnded)) }
        running.removeAll()
        finish(failing: .clientDisconnected, into: &actions)
        return actions
    }
}
