/// The routing decision for `single` and `fallback`: which route to try next after a
/// failure, whether to retry the same route and after how long, or when to give up.
/// Pure: time and randomness come in as arguments.
public struct FallbackPlan: Sendable {
    /// What the driver does next.
    public enum Decision: Sendable, Hashable {
        case retry(Route, after: Duration)
        case tryRoute(Route)
        case giveUp([ProviderFailure])
    }

    public let routes: [Route]
    private let retryPolicies: [Route: RetryPolicy]
    private var index = 0
    private var attemptsOnRoute = 0
    public private(set) var failures: [ProviderFailure] = []

    public init(routes: [Route], retryPolicies: [Route: RetryPolicy]) {
        self.routes = routes
        self.retryPolicies = retryPolicies
    }

    /// The first route, or a give-up when there are none.
    public mutating func start() -> Decision {
        guard let first = routes.first else { return .giveUp(failures) }
        attemptsOnRoute = 1
        return .tryRoute(first)
    }

    /// The current attempt failed. Retries the same route while its policy allows and the
    /// wait ends before `deadline`; otherwise moves to the next route.
    public mutating func attemptFailed(
        _ failure: AttemptFailure,
        now: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant,
        random: inout some RandomNumberGenerator
    ) -> Decision {
        let route = routes[index]
        failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure))
        if case .upstream(let error) = failure, error.isRetryable {
            let policy = retryPolicies[route] ?? RetryPolicy()
            if attemptsOnRoute < policy.maxAttempts {
                let wait = policy.delay(beforeRetry: attemptsOnRoute, retryAfter: error.retryAfter, using: &random)
                if now + wait < deadline {
                    attemptsOnRoute += 1
                    return .retry(route, after: wait)
                }
            }
        }
        return advance()
    }

    private mutating func advance() -> Decision {
        index += 1
        guard index < routes.count else { return .giveUp(failures) }
        attemptsOnRoute = 1
        return .tryRoute(routes[index])
    }
}
