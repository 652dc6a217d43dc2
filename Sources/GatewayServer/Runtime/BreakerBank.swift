import GatewayCore
import Locking

/// The circuit breakers of one provider, one per model, behind one lock.
final class BreakerBank: Sendable {
    private let config: CircuitBreakerConfig
    private let breakers: Locked<[String: CircuitBreaker]>

    init(config: CircuitBreakerConfig) {
        self.config = config
        self.breakers = Locked([:])
    }

    func admit(model: String, now: ContinuousClock.Instant) -> (CircuitBreaker.Admission, CircuitBreaker.Transition?) {
        breakers.withLock { breakers in
            breakers[model, default: CircuitBreaker(config: config, now: now)].admit(now: now)
        }
    }

    func succeeded(model: String, isProbe: Bool, now: ContinuousClock.Instant) -> CircuitBreaker.Transition? {
        breakers.withLock { $0[model]?.attemptSucceeded(isProbe: isProbe, now: now) }
    }

    func failed(model: String, isProbe: Bool, now: ContinuousClock.Instant) -> CircuitBreaker.Transition? {
        breakers.withLock { $0[model]?.attemptFailed(isProbe: isProbe, now: now) }
    }

    func abandoned(model: String, isProbe: Bool) {
        breakers.withLock { $0[model]?.attemptAbandoned(isProbe: isProbe) }
    }

    func state(model: String) -> CircuitBreaker.State {
        breakers.withLock { $0[model]?.state ?? .closed }
    }
}
