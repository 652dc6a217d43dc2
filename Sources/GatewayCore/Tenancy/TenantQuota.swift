/// One tenant's quotas on this gateway: requests and tokens per minute, requests in flight.
/// Pure and exact for one gateway; gateways sharing Redis consult a shared counter first
/// and use this as their fallback while Redis is down.
public struct TenantQuota: Sendable, Hashable {
    /// Why a request was refused.
    public enum Refusal: Sendable, Hashable {
        case requestsPerMinute(limit: Int, retryAfterSeconds: Int)
        case tokensPerMinute(limit: Int, retryAfterSeconds: Int)
        case inFlight(limit: Int)

        /// The `Retry-After` seconds of the 429.
        public var retryAfterSeconds: Int {
            switch self {
            case .requestsPerMinute(_, let seconds), .tokensPerMinute(_, let seconds): seconds
            case .inFlight: 1
            }
        }

        /// A stable name for metrics and logs.
        public var kind: String {
            switch self {
            case .requestsPerMinute: "requests_per_minute"
            case .tokensPerMinute: "tokens_per_minute"
            case .inFlight: "max_in_flight"
            }
        }

        public var message: String {
            switch self {
            case .requestsPerMinute(let limit, _): "tenant quota exceeded: \(limit) requests per minute"
            case .tokensPerMinute(let limit, _): "tenant quota exceeded: \(limit) tokens per minute"
            case .inFlight(let limit): "tenant quota exceeded: \(limit) requests in flight"
            }
        }
    }

    public let config: TenantConfig
    private var requests: QuotaWindow
    private var tokens: QuotaWindow
    public private(set) var inFlight = 0

    public init(config: TenantConfig, now: ContinuousClock.Instant) {
        self.config = config
        self.requests = QuotaWindow(origin: now)
        self.tokens = QuotaWindow(origin: now)
    }

    /// Admits a request estimated at `tokens` prompt tokens, or says why not. An admitted
    /// request holds an in-flight slot until ``finished(estimated:actual:now:)``.
    /// `skipWindows` leaves the per-minute counts to a shared counter (Redis) that already
    /// admitted it.
    public mutating func admit(tokens estimate: Int, now: ContinuousClock.Instant, skipWindows: Bool = false) -> Refusal? {
        if let limit = config.maxInFlight, inFlight >= limit { return .inFlight(limit: limit) }
        if !skipWindows {
            if let limit = config.requestsPerMinute, requests.total(at: now) + 1 > limit {
                return .requestsPerMinute(limit: limit, retryAfterSeconds: requests.retryAfter(at: now))
            }
            if let limit = config.tokensPerMinute, tokens.total(at: now) + estimate > limit {
                return .tokensPerMinute(limit: limit, retryAfterSeconds: tokens.retryAfter(at: now))
            }
            requests.add(1, at: now)
            tokens.add(estimate, at: now)
        }
        inFlight += 1
        return nil
    }

    /// The request ended: its slot is freed and its tokens settled from the estimate to
    /// what the provider reported (nil: the estimate stands).
    public mutating func finished(estimated: Int, actual: Int?, now: ContinuousClock.Instant, skipWindows: Bool = false) {
        inFlight = max(0, inFlight - 1)
        if !skipWindows, let actual { tokens.add(actual - estimated, at: now) }
    }

    /// Requests and tokens counted in the window ending at `now`.
    public func usage(at now: ContinuousClock.Instant) -> (requests: Int, tokens: Int) {
        (requests.total(at: now), tokens.total(at: now))
    }
}
