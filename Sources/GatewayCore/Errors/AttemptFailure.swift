/// Why one attempt on one provider did not produce an answer.
public enum AttemptFailure: Error, Sendable, Hashable {
    case upstream(UpstreamError)
    /// The provider's breaker is open; the attempt was not made.
    case circuitOpen
    /// The provider's in-flight limit and queue are full.
    case queueFull(retryAfterSeconds: Int)

    public var isRetryable: Bool {
        switch self {
        case .upstream(let error): error.isRetryable
        case .circuitOpen, .queueFull: true
        }
    }

    public var kind: String {
        switch self {
        case .upstream(let error): error.kind
        case .circuitOpen: "circuit_open"
        case .queueFull: "queue_full"
        }
    }

    public var message: String {
        switch self {
        case .upstream(let error): error.message
        case .circuitOpen: "circuit breaker open"
        case .queueFull: "in-flight limit and queue full"
        }
    }
}

/// One provider's failure, kept by name in an aggregate error.
public struct ProviderFailure: Sendable, Hashable {
    public var provider: String
    public var model: String
    public var failure: AttemptFailure

    public init(provider: String, model: String, failure: AttemptFailure) {
        self.provider = provider
        self.model = model
        self.failure = failure
    }
}
