/// A circuit breaker for one provider/model, as a pure state machine: events in
/// (`admit`, `attemptSucceeded`, `attemptFailed`, `attemptAbandoned`), decisions out.
///
/// States and transitions:
/// * `closed` → `open` when, over the sliding window, at least `minimumRequests` outcomes
///   were seen and the failure rate reached the threshold; or after `consecutiveFailures`
///   failures with no success between them.
/// * `open` → `halfOpen` when `openDuration` has passed (on the next `admit`).
/// * `halfOpen` → `closed` after `successesToClose` successful probes;
///   `halfOpen` → `open` on any failed probe.
public struct CircuitBreaker: Sendable {
    public enum State: Sendable, Hashable {
        case closed
        case open(until: ContinuousClock.Instant)
        case halfOpen(probesInFlight: Int, successes: Int)

        /// `closed`, `open` or `half_open`, for health output and metrics.
        public var name: String {
            switch self {
            case .closed: "closed"
            case .open: "open"
            case .halfOpen: "half_open"
            }
        }
    }

    /// The answer to "may I call this provider now?".
    public enum Admission: Sendable, Hashable {
        case allowed
        /// Allowed as a half-open probe; report its outcome with `isProbe: true`.
        case probe
        case rejected
    }

    /// A state change worth logging and counting.
    public enum Transition: Sendable, Hashable {
        case opened
        case halfOpened
        case closed
    }

    public let config: CircuitBreakerConfig
    public private(set) var state: State = .closed
    private var window: SlidingOutcomeWindow
    /// Failures since the last success while closed.
    private var failureRun = 0

    public init(config: CircuitBreakerConfig, now: ContinuousClock.Instant) {
        self.config = config
        self.window = SlidingOutcomeWindow(window: config.window, origin: now)
    }

    /// Decides whether an attempt may start; may move `open` → `halfOpen`.
    public mutating func admit(now: ContinuousClock.Instant) -> (Admission, Transition?) {
        switch state {
        case .closed:
            return (.allowed, nil)
        case .open(let until):
            guard now >= until else { return (.rejected, nil) }
            state = .halfOpen(probesInFlight: 1, successes: 0)
            return (.probe, .halfOpened)
        case .halfOpen(let probes, let successes):
            guard probes < config.halfOpenProbes else { return (.rejected, nil) }
            state = .halfOpen(probesInFlight: probes + 1, successes: successes)
            return (.probe, nil)
        }
    }

    public mutating func attemptSucceeded(isProbe: Bool, now: ContinuousClock.Instant) -> Transition? {
        switch state {
        case .closed:
            window.record(success: true, at: now)
            failureRun = 0
            return nil
        case .open:
            return nil
        case .halfOpen(let probes, let successes):
            guard isProbe else { return nil }
            if successes + 1 >= config.successesToClose {
                state = .closed
                window.reset()
                failureRun = 0
                return .closed
            }
            state = .halfOpen(probesInFlight: max(probes - 1, 0), successes: successes + 1)
            return nil
        }
    }

    public mutating func attemptFailed(isProbe: Bool, now: ContinuousClock.Instant) -> Transition? {
        switch state {
        case .closed:
            window.record(success: false, at: now)
            failureRun += 1
            let (successes, failures) = window.counts(at: now)
            let total = successes + failures
            let rateReached = total >= config.minimumRequests && Double(failures) / Double(total) >= config.failureRateThreshold
            let runReached = config.consecutiveFailures > 0 && failureRun >= config.consecutiveFailures
            guard rateReached || runReached else { return nil }
            state = .open(until: now + config.openDuration)
            failureRun = 0
            return .opened
        case .open:
            return nil
        case .halfOpen:
            guard isProbe else { return nil }
            state = .open(until: now + config.openDuration)
            return .opened
        }
    }

    /// An admitted attempt ended with no verdict on the provider's health (cancelled,
    /// or the request itself was refused); frees its probe slot.
    public mutating func attemptAbandoned(isProbe: Bool) {
        if isProbe, case .halfOpen(let probes, let successes) = state {
            state = .halfOpen(probesInFlight: max(probes - 1, 0), successes: successes)
        }
    }
}
