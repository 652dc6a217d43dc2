import HTTPTypes

/// The `x-gateway-*` names this gateway reads and writes.
extension HTTPField.Name {
    /// Request: the request deadline in milliseconds.
    static let gatewayTimeout = Self("x-gateway-timeout-ms")!
    /// Response: the provider that answered.
    static let gatewayProvider = Self("x-gateway-provider")!
    /// Response: the provider's model id that answered.
    static let gatewayModel = Self("x-gateway-model")!
    /// Response: attempts made, retries and fallbacks included.
    static let gatewayAttempts = Self("x-gateway-attempts")!
    /// Response: time spent in the gateway itself, not waiting on providers.
    static let gatewayOverhead = Self("x-gateway-overhead-ms")!
    /// Response: the answering upstream's own service time, when it reports one (the
    /// simulator's `x-sim-service-ms`), so benchmarks can compute the ideal latency.
    static let gatewayUpstreamService = Self("x-gateway-upstream-service-ms")!
    /// Response: the tier a `tier` alias chose (request: a hint naming one).
    static let gatewayTier = Self("x-gateway-tier")!
    /// Response: `true` when the built-in simulator wrote the answer.
    static let gatewaySimulated = Self("x-gateway-simulated")!
}

extension ExecutionTrace {
    /// The response headers describing this trace; `elapsed` is the request's time so far.
    func headers(elapsed: Duration) -> HTTPFields {
        var fields = HTTPFields()
        if let provider { fields[.gatewayProvider] = provider }
        if let model { fields[.gatewayModel] = model }
        fields[.gatewayAttempts] = String(attempts)
        fields[.gatewayOverhead] = Self.formatMilliseconds(elapsed - upstreamTime)
        if let upstreamServiceTime { fields[.gatewayUpstreamService] = Self.formatMilliseconds(upstreamServiceTime) }
        if let tier { fields[.gatewayTier] = tier }
        if simulated { fields[.gatewaySimulated] = "true" }
        return fields
    }

    static func formatMilliseconds(_ duration: Duration) -> String {
        let micros = max(duration.nanoseconds / 1_000, 0)
        let whole = micros / 1_000
        let fraction = micros % 1_000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(whole).\(padded)"
    }
}
