/// Retries of one route: exponential backoff with full jitter, honouring `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts on one route, the first included (1 = no retry).
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 2, baseDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(2)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before retry number `retry` (1 = first retry): uniform in
    /// [0, min(maxDelay, baseDelay · 2^(retry-1))], and never less than `retryAfter`.
    public func delay(
        beforeRetry retry: Int,
        retryAfter: Duration?,
        using random: inout some RandomNumberGenerator
    ) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        let ceilingNanos = max(ceiling.nanoseconds, 0)
        let jittered = Duration.nanoseconds(ceilingNanos == 0 ? 0 : Int64.random(in: 0...ceilingNanos, using: &random))
        if let retryAfter, retryAfter > jittered { return retryAfter }
        return jittered
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds > 0 ? .max : .min }
        return scaled + attoseconds / 1_000_000_000
    }

    /// Milliseconds as a Double, for headers and metrics.
    public var milliseconds: Double {
        Double(nanoseconds) / 1_000_000
    }
}
