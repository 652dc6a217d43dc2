import GatewayCore
import Testing

/// Drives a ``RequestExecution`` with a manual clock and records what it asked for, so
/// tests read like timelines: start at t=0, fail #0 at 40 ms, fire the timer at 100 ms.
struct ExecutionHarness {
    let t0 = ContinuousClock.now
    var execution: RequestExecution
    /// Every action so far, in order.
    private(set) var log: [ExecutionAction] = []
    /// The timer's instant as last armed.
    private(set) var timer: ContinuousClock.Instant?

    static let a = Route(provider: "a", model: "m-a")
    static let b = Route(provider: "b", model: "m-b")
    static let c = Route(provider: "c", model: "m-c")

    init(
        mode: ExecutionSetup.Mode, routes: [Route] = [a, b], skipped: [ProviderFailure] = [],
        retry: RetryPolicy = RetryPolicy(maxAttempts: 1), firstToken: Duration? = nil, timeout: Duration = .seconds(10)
    ) {
        let now = t0
        var policies: [Route: RetryPolicy] = [:]
        var limits: [Route: Duration] = [:]
        for route in routes {
            policies[route] = retry
            if let firstToken { limits[route] = firstToken }
        }
        execution = RequestExecution(
            setup: ExecutionSetup(
                mode: mode, routes: routes, skipped: skipped, retryPolicies: policies, firstTokenTimeouts: limits,
                deadline: now + timeout, timeout: timeout),
            random: JitterSource(seed: 42))
    }

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { t0 + .milliseconds(milliseconds) }

    @discardableResult
    mutating func record(_ actions: [ExecutionAction]) -> [ExecutionAction] {
        log += actions
        for case .schedule(let instant) in actions { timer = instant }
        return actions
    }

    @discardableResult mutating func start(at ms: Int = 0) -> [ExecutionAction] { record(execution.start(now: at(ms))) }
    @discardableResult mutating func answered(_ id: Int, at ms: Int) -> [ExecutionAction] { record(execution.attemptAnswered(AttemptID(id), now: at(ms))) }
    @discardableResult mutating func failed(_ id: Int, _ failure: AttemptFailure, at ms: Int) -> [ExecutionAction] {
        record(execution.attemptFailed(AttemptID(id), failure, now: at(ms)))
    }
    @discardableResult mutating func fire(at ms: Int) -> [ExecutionAction] { record(execution.timerFired(now: at(ms))) }
    /// Fires the timer at the instant it is armed for.
    @discardableResult mutating func fireArmed() -> [ExecutionAction] {
        guard let timer else {
            Issue.record("no timer armed")
            return []
        }
        return record(execution.timerFired(now: timer))
    }
    @discardableResult mutating func hedge(granted: Bool, at ms: Int) -> [ExecutionAction] {
        record(execution.hedgeDecided(granted: granted, now: at(ms)))
    }
    @discardableResult mutating func clientGone() -> [ExecutionAction] { record(execution.clientGone()) }

    /// Routes started, in order.
    var started: [Route] {
        log.compactMap { if case .start(_, let route) = $0 { route } else { nil } }
    }

    var cancelled: [(AttemptID, AttemptCancelReason)] {
        log.compactMap { if case .cancel(let id, let reason) = $0 { (id, reason) } else { nil } }
    }

    var answer: AttemptID? {
        log.compactMap { if case .answer(let id) = $0 { id } else { nil } }.first
    }

    var failure: GatewayError? {
        log.compactMap { if case .fail(let error) = $0 { error } else { nil } }.first
    }

    /// Milliseconds from t0 to the armed timer.
    var timerMilliseconds: Int? {
        timer.map { Int(($0 - t0).components.seconds * 1000 + ($0 - t0).components.attoseconds / 1_000_000_000_000_000) }
    }
}

extension AttemptFailure {
    static let serverError = AttemptFailure.upstream(.serverError(status: 500, message: "boom"))
    static let rejected = AttemptFailure.upstream(.rejected(status: 400, message: "bad"))
    static func rateLimited(_ seconds: Int? = nil) -> AttemptFailure {
        .upstream(.rateLimited(retryAfter: seconds.map { .seconds($0) }, message: "slow down"))
    }
}
