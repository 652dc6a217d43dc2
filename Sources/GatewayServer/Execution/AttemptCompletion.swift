import GatewayCore
import Logging

/// Settles one admitted attempt exactly once: reports the outcome to the breaker, the
/// statistics and the metrics, and frees the limiter slot.
struct AttemptCompletion: Sendable {
    let runtime: ProviderRuntime
    let model: String
    let isProbe: Bool
    let started: ContinuousClock.Instant
    let permit: LimiterPermit
    let metrics: GatewayMetrics
    let logger: Logger

    func succeeded(firstToken: Duration?) {
        runtime.history.succeeded()
        let now = ContinuousClock.now
        let latency = now - started
        runtime.stats.succeeded(model: model, latency: latency, firstToken: firstToken, now: now)
        report(runtime.breakers.succeeded(model: model, isProbe: isProbe, now: now))
        metrics.attemptFinished(provider: runtime.config.name, model: model, outcome: "success")
        metrics.upstreamLatency(provider: runtime.config.name, model: model, latency: latency, firstToken: firstToken)
        permit.release()
    }

    func failed(_ error: UpstreamError) {
        runtime.history.failed(error.message)
        let now = ContinuousClock.now
        runtime.stats.failed(model: model, now: now)
        if error.countsAsProviderFailure {
            report(runtime.breakers.failed(model: model, isProbe: isProbe, now: now))
        } else {
            runtime.breakers.abandoned(model: model, isProbe: isProbe)
        }
        metrics.attemptFinished(provider: runtime.config.name, model: model, outcome: error.kind)
        permit.release()
    }

    /// Cancelled (deadline, disconnect, a lost race): no verdict on the provider.
    func abandoned() {
        runtime.breakers.abandoned(model: model, isProbe: isProbe)
        metrics.attemptFinished(provider: runtime.config.name, model: model, outcome: "cancelled")
        permit.release()
    }

    private func report(_ transition: CircuitBreaker.Transition?) {
        guard let transition else { return }
        let state: String
        switch transition {
        case .opened: state = "open"
        case .halfOpened: state = "half_open"
        case .closed: state = "closed"
        }
        metrics.breakerTransition(provider: runtime.config.name, model: model, to: state)
        logger.warning(
            "circuit breaker changed state",
            metadata: ["provider": "\(runtime.config.name)", "model": "\(model)", "state": "\(state)"])
    }
}
