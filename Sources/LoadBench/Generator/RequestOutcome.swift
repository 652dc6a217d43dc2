/// What one request came to. Times are measured from the request's reference instant: its
/// due time in an open loop, its send time in a closed loop.
public enum RequestOutcome: Sendable, Hashable {
    /// A 2xx answer read to the end.
    case success(latency: Duration, ttft: Duration?, upstreamAttempts: Int?)
    /// Anything else.
    case failure(FailureKind)
}

/// Why a request failed, as a stable key for reports.
public enum FailureKind: Sendable, Hashable {
    /// The target answered with a non-2xx status.
    case status(Int)
    /// The request ran past its deadline.
    case timeout
    /// The connection could not be made, or broke.
    case connection
    /// A streamed 2xx answer ended without any content chunk.
    case emptyStream
    /// Any other client error.
    case other

    /// `http_429`, `timeout`, `connection`, `empty_stream`, `other`.
    public var key: String {
        switch self {
        case .status(let code): "http_\(code)"
        case .timeout: "timeout"
        case .connection: "connection"
        case .emptyStream: "empty_stream"
        case .other: "other"
        }
    }
}
