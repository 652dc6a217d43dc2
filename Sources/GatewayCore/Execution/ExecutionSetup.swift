/// Everything ``RequestExecution`` decides from, fixed when the request starts: the
/// strategy's shape, the routes it may use, their retry and first-token limits, and the
/// one deadline shared by queueing, retries, fallbacks and hedges.
public struct ExecutionSetup: Sendable, Hashable {
    /// How the routes are used.
    public enum Mode: Sendable, Hashable {
        /// `single`, `fallback` and a tier's routes: one attempt at a time (``FallbackPlan``).
        case sequential
        /// Every route at once; the first answer wins.
        case race
        /// The first route alone; the next one too if nothing came by `delay`.
        case hedge(delay: Duration)
    }

    public var mode: Mode
    /// The routes to use, in order (for race and hedge: those whose breaker is not open).
    public var routes: [Route]
    /// Routes left out before the start (open breakers), reported with the failures.
    public var skipped: [ProviderFailure]
    /// Per route: how often and how soon to retry it.
    public var retryPolicies: [Route: RetryPolicy]
    /// Per route: the time-to-first-token limit of each attempt.
    public var firstTokenTimeouts: [Route: Duration]
    /// The request's deadline.
    public var deadline: ContinuousClock.Instant
    /// The request's timeout, for the error that reports it.
    public var timeout: Duration

    public init(
        mode: Mode, routes: [Route], skipped: [ProviderFailure] = [], retryPolicies: [Route: RetryPolicy] = [:],
        firstTokenTimeouts: [Route: Duration] = [:], deadline: ContinuousClock.Instant, timeout: Duration
    ) {
        self.mode = mode
        self.routes = routes
        self.skipped = skipped
        self.retryPolicies = retryPolicies
        self.firstTokenTimeouts = firstTokenTimeouts
        self.deadline = deadline
        self.timeout = timeout
    }

    /// Race and hedge retry as whole rounds: as many as the largest `max_attempts` among
    /// the routes' providers.
    var contestRounds: Int {
        routes.compactMap { retryPolicies[$0]?.maxAttempts }.max() ?? 1
    }

    /// The rounds' backoff: the gentlest of the routes' policies (smallest base delay).
    var contestRetry: RetryPolicy {
        routes.compactMap { retryPolicies[$0] }.min { $0.baseDelay < $1.baseDelay } ?? RetryPolicy(maxAttempts: 1)
    }
}
