import GatewayCore
import Testing

/// ``RequestExecution`` driven through thousands of seeded schedules (every mode, 0–3
/// routes, retries, first-token limits, open breakers, hedge budgets, late and duplicate
/// events, late timers, the client leaving), checking after every step what must hold
/// whatever the order: one verdict, every attempt settled once, the timer armed while
/// anything can still happen, failures reported one for one, and an end by the deadline.
@Suite("RequestExecution: properties over seeded schedules")
struct ExecutionPropertyTests {
    @Test(arguments: 0..<8)
    func everyScheduleEndsWithOneVerdictAndSettlesEveryAttempt(block: UInt64) {
        var outcomes: Set<String> = []
        for seed in block * 1_000..<(block + 1) * 1_000 {
            var run = ScheduleRun(seed: seed)
            run.play()
            if !run.problems.isEmpty {
                Issue.record("seed \(seed) (\(run.summary)): \(run.problems.joined(separator: "; ")); last steps: \(run.trace.suffix(6))")
                return
            }
            outcomes.insert(run.outcome)
        }
        // The schedules reach every verdict in every mode, so the checks above saw them all.
        for mode in ["sequential", "race", "hedge"] {
            for verdict in ["answer", "providers failed", "deadline", "client gone"] {
                #expect(outcomes.contains("\(mode): \(verdict)"), "no schedule of block \(block) ended in \(mode): \(verdict)")
            }
        }
    }
}

/// One seeded schedule and the checks made along it.
private struct ScheduleRun {
    var random: JitterSource
    var execution: RequestExecution
    let setup: ExecutionSetup
    let t0: ContinuousClock.Instant
    var now: ContinuousClock.Instant
    var timer: ContinuousClock.Instant?
    var askedHedge = false
    /// Attempts started and not yet ended by an answer, a failure or a cancel.
    var running: Set<AttemptID> = []
    var ended: Set<AttemptID> = []
    var lastStarted = -1
    var started = 0
    var verdicts: [ExecutionAction] = []
    /// Failures the execution was told of (events and first-token cancels), for the report.
    var failuresTold = 0
    var clientLeft = false
    /// The current event came after the armed instant (a timer that fires late).
    var eventIsLate = false
    var problems: [String] = []
    /// What happened, in order (milliseconds from t0: the event's actions), for a failure's report.
    var trace: [String] = []

    init(seed: UInt64) {
        let t0 = ContinuousClock.now
        var random = JitterSource(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let routes = [Route(provider: "a", model: "m"), Route(provider: "b", model: "m"), Route(provider: "c", model: "m")]
            .prefix(Int.random(in: 0...3, using: &random))
        let mode: ExecutionSetup.Mode = switch Int.random(in: 0...2, using: &random) {
        case 0: .sequential
        case 1: .race
        default: .hedge(delay: .milliseconds(Int.random(in: 1...200, using: &random)))
        }
        var policies: [Route: RetryPolicy] = [:]
        var limits: [Route: Duration] = [:]
        for route in routes {
            policies[route] = RetryPolicy(
                maxAttempts: Int.random(in: 1...3, using: &random), baseDelay: .milliseconds(Int.random(in: 0...100, using: &random)),
                maxDelay: .milliseconds(200))
            if Bool.random(using: &random) { limits[route] = .milliseconds(Int.random(in: 20...300, using: &random)) }
        }
        let skipped = Bool.random(using: &random) ? [ProviderFailure(provider: "z", model: "m", failure: .circuitOpen)] : []
        let timeout = Duration.milliseconds(Int.random(in: 100...2_000, using: &random))
        setup = ExecutionSetup(
            mode: mode, routes: Array(routes), skipped: skipped, retryPolicies: policies, firstTokenTimeouts: limits,
            deadline: t0 + timeout, timeout: timeout)
        execution = RequestExecution(setup: setup, random: JitterSource(seed: seed))
        self.random = random
        self.now = t0
        self.t0 = t0
    }

    /// The mode and how the request ended.
    var outcome: String {
        let mode = switch setup.mode {
        case .sequential: "sequential"
        case .race: "race"
        case .hedge: "hedge"
        }
        let verdict = switch verdicts.first {
        case .answer?: "answer"
        case .fail(.allProvidersFailed)?: "providers failed"
        case .fail(.deadlineExceeded)?: "deadline"
        case .fail(.clientDisconnected)?: "client gone"
        default: "other"
        }
        return "\(mode): \(verdict)"
    }

    var summary: String { "\(setup.mode), \(setup.routes.count) routes, \(started) attempts" }

    mutating func play() {
        apply(execution.start(now: now))
        var steps = 0
        while !execution.isDone, problems.isEmpty {
            steps += 1
            guard steps < 2_000 else { return problems.append("no verdict after 2,000 steps") }
            step()
        }
        finalChecks()
        guard problems.isEmpty else { return }
        // Events after the verdict change nothing.
        for id in ended.union(running).sorted().prefix(3) {
            let late = execution.attemptAnswered(id, now: now) + execution.attemptFailed(id, .circuitOpen, now: now)
            if late.contains(where: { if case .discard = $0 { false } else { true } }) {
                problems.append("an event after the verdict gave \(late)")
            }
        }
        if !execution.timerFired(now: now).isEmpty || !execution.clientGone().isEmpty {
            problems.append("the timer or the client after the verdict gave actions")
        }
    }

    /// One event: an answer, a failure, a late or duplicate event, the hedge budget's
    /// answer, the client leaving, or the timer (on time or late).
    mutating func step() {
        let roll = Int.random(in: 0..<100, using: &random)
        eventIsLate = false
        if askedHedge, roll < 60 {
            askedHedge = false
            return apply(execution.hedgeDecided(granted: Bool.random(using: &random), now: now))
        }
        if roll < 2 {
            clientLeft = true
            return apply(execution.clientGone())
        }
        if let id = running.randomElement(using: &random), roll < 55 {
            advance(lateTimer: roll < 8)
            if roll < 15 { return apply(execution.attemptAnswered(id, now: now)) }
            let failure = Self.failures.randomElement(using: &random)!
            running.remove(id)
            ended.insert(id)
            failuresTold += 1
            return apply(execution.attemptFailed(id, failure, now: now))
        }
        if let id = ended.randomElement(using: &random), roll < 62 {
            // A cancelled or failed attempt reporting again: nothing may follow from it.
            let actions = Bool.random(using: &random)
                ? execution.attemptFailed(id, .circuitOpen, now: now) : execution.attemptAnswered(id, now: now)
            if actions.contains(where: { if case .discard = $0 { false } else { true } }) {
                problems.append("a settled attempt \(id) reporting again gave \(actions)")
            }
            return
        }
        guard let timer else { return problems.append("running with no timer armed") }
        now = max(now, timer) + (roll > 95 ? .milliseconds(Int.random(in: 1...30, using: &random)) : .zero)
        self.timer = nil  // a fired timer is no longer armed
        apply(execution.timerFired(now: now))
    }

    /// Time passes before an event: never past the armed timer, unless the timer is late.
    mutating func advance(lateTimer: Bool) {
        let step = Duration.milliseconds(Int.random(in: 0...50, using: &random))
        if let timer, !lateTimer { now = max(now, min(now + step, timer)) } else { now += step }
        eventIsLate = timer.map { now > $0 } ?? false
    }

    mutating func apply(_ actions: [ExecutionAction]) {
        let elapsed = now - t0
        trace.append("\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms: \(actions)")
        for action in actions {
            switch action {
            case .start(let id, let route):
                if !verdicts.isEmpty { problems.append("\(id) started after the verdict") }
                if id.number <= lastStarted { problems.append("\(id) started out of order") }
                if now >= setup.deadline { problems.append("\(id) started at or past the deadline") }
                if !setup.routes.contains(route) { problems.append("\(id) started on a route not offered") }
                lastStarted = id.number
                started += 1
                running.insert(id)
            case .cancel(let id, let reason):
                guard running.remove(id) != nil else {
                    problems.append("\(id) cancelled while not running")
                    continue
                }
                ended.insert(id)
                if reason == .firstTokenTimeout { failuresTold += 1 }
            case .answer(let id):
                if running.remove(id) == nil { problems.append("\(id) answered while not running") }
                ended.insert(id)
                verdicts.append(action)
            case .fail:
                verdicts.append(action)
            case .schedule(let instant):
                if let instant, instant > setup.deadline { problems.append("timer armed past the deadline") }
                // Armed in the past only when the event itself came after the armed instant.
                if let instant, instant <= now, !eventIsLate { problems.append("timer armed for a past instant") }
                timer = instant
            case .askHedge:
                if execution.runningAttempts.isEmpty { problems.append("a hedge asked with nothing running") }
                askedHedge = true
            case .discard, .retried, .hedgeFired, .hedgeDenied:
                break
            }
        }
        if verdicts.count > 1 { problems.append("\(verdicts.count) verdicts: \(verdicts)") }
        if Set(execution.runningAttempts) != running {
            problems.append("the execution runs \(execution.runningAttempts), the driver \(running.sorted())")
        }
    }

    mutating func finalChecks() {
        guard problems.isEmpty else { return }
        if verdicts.count != 1 { return problems.append("\(verdicts.count) verdicts") }
        if !running.isEmpty { problems.append("attempts \(running.sorted()) never settled") }
        if timer != nil { problems.append("the timer is still armed after the verdict") }
        let perRoute = setup.mode == .sequential
            ? setup.routes.map { setup.retryPolicies[$0]?.maxAttempts ?? 1 }.reduce(0, +)
            : setup.routes.count * (setup.routes.compactMap { setup.retryPolicies[$0]?.maxAttempts }.max() ?? 1)
        if started > perRoute { problems.append("\(started) attempts, more than the \(perRoute) allowed") }
        switch verdicts[0] {
        case .answer:
            break
        case .fail(.clientDisconnected):
            if !clientLeft { problems.append("failed as disconnected, but the client stayed") }
        case .fail(.deadlineExceeded):
            if now < setup.deadline { problems.append("failed on the deadline before it") }
        case .fail(.allProvidersFailed(let failures)):
            if clientLeft { problems.append("the client left, but the failure is the providers'") }
            if failures.count != setup.skipped.count + failuresTold {
                problems.append("\(failures.count) failures reported, \(setup.skipped.count) skipped + \(failuresTold) told")
            }
        case let other:
            problems.append("unexpected verdict \(other)")
        }
    }

    static let failures: [AttemptFailure] = [
        .upstream(.serverError(status: 500, message: "boom")), .upstream(.rejected(status: 400, message: "bad")),
        .upstream(.rateLimited(retryAfter: nil, message: "slow")), .upstream(.rateLimited(retryAfter: .milliseconds(80), message: "slow")),
        .upstream(.overloaded(status: 529, message: "busy")), .upstream(.connectionFailed("refused")),
        .upstream(.firstTokenTimeout), .upstream(.malformedResponse("junk")), .upstream(.streamInterrupted("cut")),
        .circuitOpen, .queueFull(retryAfterSeconds: 1),
    ]
}
