/// Settings of ``StoreBreaker``.
public struct StoreBreakerConfig: Sendable, Hashable {
    /// Consecutive failed commands that open the breaker.
    public var failuresToOpen: Int
    /// The wait before the first reconnect probe after opening.
    public var firstProbeDelay: Duration
    /// The longest wait between probes (the delay doubles after each failed probe).
    public var maxProbeDelay: Duration

    /// Defaults: open after 3 consecutive failures, probe after 100 ms, at most every 2 s.
    public init(
        failuresToOpen: Int = 3, firstProbeDelay: Duration = .milliseconds(100),
        maxProbeDelay: Duration = .seconds(2)
    ) {
        self.failuresToOpen = max(failuresToOpen, 1)
        self.firstProbeDelay = firstProbeDelay
        self.maxProbeDelay = max(maxProbeDelay, firstProbeDelay)
    }
}

/// `ok` or `degraded`, as `/health/ready` reports a shared store (never failing readiness).
public enum StoreHealth: String, Sendable, Hashable {
    case ok
    case degraded
}

/// The health breaker of a shared store (Redis), as a pure state machine with time passed in.
///
/// States and transitions:
/// * `closed` → `open` after `failuresToOpen` consecutive failed commands (action `opened`,
///   to log once); any success in `closed` resets the count.
/// * `open` → `probing` when the probe delay has passed, on ``admit(now:)`` or ``tick(now:)``
///   (action `startProbe`: reconnect and PING in the background).
/// * `probing` → `closed` when the probe succeeds (action `recovered`, to log once);
///   `probing` → `open` when it fails, with the delay doubled up to `maxProbeDelay` (no log).
///
/// While `open` or `probing` every command is rejected at once (fail fast).
public struct StoreBreaker: Sendable {
    /// Where the breaker stands.
    public enum State: Sendable, Hashable {
        case closed(consecutiveFailures: Int)
        case open(since: ContinuousClock.Instant, nextProbe: ContinuousClock.Instant, delay: Duration)
        case probing(since: ContinuousClock.Instant, delay: Duration)
    }

    /// What the driver does after an event.
    public enum Action: Sendable, Hashable {
        /// The store just became unavailable: log it (once) and mark it degraded.
        case opened
        /// Start one background probe (reconnect, PING) and report its outcome.
        case startProbe
        /// The store is back after `downtime`: log it (once) and mark it ok.
        case recovered(downtime: Duration)
    }

    /// The settings in force.
    public let config: StoreBreakerConfig
    /// The current state.
    public private(set) var state: State = .closed(consecutiveFailures: 0)

    /// A closed breaker.
    public init(config: StoreBreakerConfig = StoreBreakerConfig()) {
        self.config = config
    }

    /// `ok` while closed, `degraded` otherwise.
    public var health: StoreHealth {
        if case .closed = state { return .ok }
        return .degraded
    }

    /// May a command run now? May also say to start a probe.
    public mutating func admit(now: ContinuousClock.Instant) -> (allowed: Bool, action: Action?) {
        if case .closed = state { return (true, nil) }
        return (false, tick(now: now))
    }

    /// Time passed: starts a probe when one is due.
    public mutating func tick(now: ContinuousClock.Instant) -> Action? {
        guard case .open(let since, let nextProbe, let delay) = state, now >= nextProbe else { return nil }
        state = .probing(since: since, delay: delay)
        return .startProbe
    }

    /// A command succeeded.
    public mutating func commandSucceeded() {
        if case .closed = state { state = .closed(consecutiveFailures: 0) }
    }

    /// A command failed (I/O error, timeout, or an error reply).
    public mutating func commandFailed(now: ContinuousClock.Instant) -> Action? {
        guard case .closed(let failures) = state else { return nil }
        guard failures + 1 >= config.failuresToOpen else {
            state = .closed(consecutiveFailures: failures + 1)
            return nil
        }
        state = .open(since: now, nextProbe: now + config.firstProbeDelay, delay: config.firstProbeDelay)
        return .opened
    }

    /// The background probe reached the store.
    public mutating func probeSucceeded(now: ContinuousClock.Instant) -> Action? {
        guard case .probing(let since, _) = state else { return nil }
        state = .closed(consecutiveFailures: 0)
        return .recovered(downtime: now - since)
    }

    /// The background probe failed: wait longer before the next one.
    public mutating func probeFailed(now: ContinuousClock.Instant) {
        guard case .probing(let since, let delay) = state else { return }
        let next = min(delay * 2, config.maxProbeDelay)
        state = .open(since: since, nextProbe: now + next, delay: next)
    }

    /// When the next probe is due, if the breaker is open (for the driver's timer).
    public var nextProbe: ContinuousClock.Instant? {
        if case .open(_, let next, _) = state { return next }
        return nil
    }
}
