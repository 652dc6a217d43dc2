/// How one call to one provider failed. Decides retryability per case, with no default.
public enum UpstreamError: Error, Sendable, Hashable {
    /// 429 from the provider; `retryAfter` from its `Retry-After` header.
    case rateLimited(retryAfter: Duration?, message: String)
    /// 529 / 503: the provider is overloaded.
    case overloaded(status: Int, message: String)
    /// Any other 5xx.
    case serverError(status: Int, message: String)
    /// A 4xx other than 429: the provider refused this request (bad parameters, auth).
    case rejected(status: Int, message: String)
    /// The connection could not be made, or broke before an answer began.
    case connectionFailed(String)
    /// No first token before the time-to-first-token deadline.
    case firstTokenTimeout
    /// The provider answered with something that is not its wire format.
    case malformedResponse(String)
    /// A stream stopped before its terminal event.
    case streamInterrupted(String)

    /// Whether trying again (same or next provider) can help.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .overloaded, .serverError, .connectionFailed, .firstTokenTimeout,
            .streamInterrupted:
            true
        case .malformedResponse:
            true
        case .rejected:
            false
        }
    }

    /// Whether this failure counts against the provider's circuit breaker.
    public var countsAsProviderFailure: Bool {
        switch self {
        case .overloaded, .serverError, .connectionFailed, .firstTokenTimeout, .malformedResponse,
            .streamInterrupted:
            true
        case .rateLimited, .rejected:
            false
        }
    }

    /// The provider's requested wait, if it gave one.
    public var retryAfter: Duration? {
        switch self {
        case .rateLimited(let retryAfter, _): retryAfter
        case .overloaded, .serverError, .rejected, .connectionFailed, .firstTokenTimeout,
            .malformedResponse, .streamInterrupted:
            nil
        }
    }

    /// A short stable name for metrics and logs.
    public var kind: String {
        switch self {
        case .rateLimited: "rate_limited"
        case .overloaded: "overloaded"
        case .serverError: "server_error"
        case .rejected: "rejected"
        case .connectionFailed: "connection_failed"
        case .firstTokenTimeout: "first_token_timeout"
        case .malformedResponse: "malformed_response"
        case .streamInterrupted: "stream_interrupted"
        }
    }

    /// The same failure with `transform` applied to its text (redaction, truncation).
    public func mappingText(_ transform: (String) -> String) -> UpstreamError {
        switch self {
        case .rateLimited(let retryAfter, let message): .rateLimited(retryAfter: retryAfter, message: transform(message))
        case .overloaded(let status, let message): .overloaded(status: status, message: transform(message))
        case .serverError(let status, let message): .serverError(status: status, message: transform(message))
        case .rejected(let status, let message): .rejected(status: status, message: transform(message))
        case .connectionFailed(let message): .connectionFailed(transform(message))
        case .firstTokenTimeout: .firstTokenTimeout
        case .malformedResponse(let message): .malformedResponse(transform(message))
        case .streamInterrupted(let message): .streamInterrupted(transform(message))
        }
    }

    /// A human-readable description that never contains credentials.
    public var message: String {
        switch self {
        case .rateLimited(_, let message): "rate limited: \(message)"
        case .overloaded(let status, let message): "overloaded (\(status)): \(message)"
        case .serverError(let status, let message): "server error (\(status)): \(message)"
        case .rejected(let status, let message): "rejected (\(status)): \(message)"
        case .connectionFailed(let message): "connection failed: \(message)"
        case .firstTokenTimeout: "no first token before the time-to-first-token deadline"
        case .malformedResponse(let message): "malformed response: \(message)"
        case .streamInterrupted(let message): "stream interrupted: \(message)"
        }
    }

    /// Classifies an HTTP error status from a provider.
    public static func fromStatus(_ status: Int, retryAfter: Duration?, message: String) -> UpstreamError {
        switch status {
        case 429: .rateLimited(retryAfter: retryAfter, message: message)
        case 503, 529: .overloaded(status: status, message: message)
        case 500...599: .serverError(status: status, message: message)
        default: .rejected(status: status, message: message)
        }
    }
}
