/// The routing decision for `single` and `fallback`: which route to try next after a
/// failure, whether to retry the same route and after how long, or when to give up.
/// Pure: time and randomness come in as arguments.
///
/// A rate limit or a stall (no first token in time) moves to the next route at once: waiting
/// out a `Retry-After` or a second stall on the same provider is for when no other route is
/// left. Such a route is retried, within its policy and the deadline, only after every later
/// route has failed.
public struct FallbackPlan: Sendable {
    /// What the driver does next.
    public enum Decision: Sendable, Hashable {
        case retry(Route, after: Duration)
        case tryRoute(Route)
        case giveUp([ProviderFailure])
    }

    /// A route set aside after a rate limit or stall: its attempts so far and the earliest
    /// instant its retry may start.
    private struct Deferred: Sendable {
        var route: Route
        var attempts: Int
        var notBefore: ContinuousClock.Instant
    }

    public let routes: [Route]
    private let retryPolicies: [Route: RetryPolicy]
    /// The next route never tried.
    private var nextIndex = 0
    /// The route of the attempt in flight and how many attempts it has had.
    private var current: (route: Route, attempts: Int)?
    private var deferred: [Deferred] = []
    public private(set) var failures: [ProviderFailure] = []

    public init(routes: [Route], retryPolicies: [Route: RetryPolicy]) {
        self.routes = routes
        self.retryPolicies = retryPolicies
    }

    /// The first route, or a give-up when there are none.
    public mutating func start() -> Decision {
        guard let first = routes.first else { return .giveUp(failures) }
        nextIndex = 1
        current = (first, 1)
        return .tryRoute(first)
    }

    /// The current attempt failed. Retries the same route while its policy allows and the
    /// wait ends before `deadline` (deferring that retry behind the remaining routes after a
    /// rate limit or a stall); otherwise moves to the next route.
    public mutating func attemptFailed(
        _ failure: AttemptFailure,
        now: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant,
        random: inout some RandomNumberGenerator
    ) -> Decision {
        guard let (route, attempts) = current else { return .giveUp(failures) }
        failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure))
        if case .upstream(let error) = failure, error.isRetryable {
            let policy = retryPolicies[route] ?? RetryPolicy()
            if attempts < policy.maxAttempts {
                let wait = policy.delay(beforeRetry: attempts, retryAfter: error.retryAfter, using: &random)
                if now + wait < deadline {
                    if Self.movesOn(error), nextIndex < routes.count {
                        deferred.append(Deferred(route: route, attempts: attempts, notBefore: now + wait))
                        return advance(now: now)
                    }
                    current = (route, attempts + 1)
                    return .retry(route, after: wait)
                }
            }
        }
        return advance(now: now)
    }

    /// A rate limit or a stall says nothing good about retrying the same provider soon.
    private static func movesOn(_ error: UpstreamError) -> Bool {
        switch error {
        case .rateLimited, .firstTokenTimeout: true
        case .overloaded, .serverError, .rejected, .connectionFailed, .malformedResponse, .streamInterrupted: false
        }
    }

    private mutating func advance(now: ContinuousClock.Instant) -> Decision {
        if nextIndex < routes.count {
            let route = routes[nextIndex]
            nextIndex += 1
            current = (route, 1)
            return .tryRoute(route)
        }
        if !deferred.isEmpty {
            // Each was deferred only when its wait ended before the deadline.
            let next = deferred.removeFirst()
            current = (next.route, next.attempts + 1)
            return .retry(next.route, after: max(.zero, next.notBefore - now))
        }
        current = nil
        return .giveUp(failures)
    }
}
