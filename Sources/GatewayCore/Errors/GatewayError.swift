/// Log severity for an error, independent of any logging library.
public enum ErrorSeverity: Sendable {
    case debug, info, warning, error
}

/// Every way a gateway request can fail, as the client sees it. Each case decides its HTTP
/// status, OpenAI error type and log severity without a `default:`.
public enum GatewayError: Error, Sendable, Hashable {
    /// The request body is not a valid request; `param` names the offending field.
    case invalidRequest(message: String, param: String?)
    case unsupportedMediaType(String)
    case payloadTooLarge(limitBytes: Int)
    /// The body did not arrive within the request's deadline.
    case requestTimeout(milliseconds: Int)
    /// The body could not be read to its end (the client broke the upload).
    case bodyUnreadable(String)
    case unknownModel(String)
    case notFound(path: String)
    /// The path exists, but not for this method; `allowed` goes into the `Allow` header.
    case methodNotAllowed(method: String, path: String, allowed: [String])
    /// No key, or a key that belongs to no tenant (the two look the same to the caller).
    case unauthorized
    /// The tenant may not call this alias.
    case aliasNotAllowed(alias: String)
    /// A tenant quota is used up for now.
    case quotaExceeded(message: String, retryAfterSeconds: Int)
    /// The request deadline passed before an answer.
    case deadlineExceeded(milliseconds: Int)
    /// Every provider the strategy could use failed; each failure kept by name.
    case allProvidersFailed([ProviderFailure])
    /// The client went away; nobody reads this answer.
    case clientDisconnected
    /// The client read its stream so slowly that this many events waited unwritten; it was
    /// dropped rather than buffered without limit.
    case clientTooSlow(pendingEvents: Int)

    public var httpStatus: Int {
        switch self {
        case .invalidRequest: 400
        case .unsupportedMediaType: 415
        case .payloadTooLarge: 413
        case .requestTimeout: 408
        case .bodyUnreadable: 400
        case .unknownModel, .notFound: 404
        case .methodNotAllowed: 405
        case .unauthorized: 401
        case .aliasNotAllowed: 403
        case .quotaExceeded: 429
        case .deadlineExceeded: 504
        case .allProvidersFailed(let failures): Self.aggregateStatus(failures)
        case .clientDisconnected, .clientTooSlow: 499
        }
    }

    /// OpenAI-style `error.type`.
    public var errorType: String {
        switch self {
        case .invalidRequest, .unsupportedMediaType, .payloadTooLarge, .requestTimeout, .bodyUnreadable, .unknownModel,
            .notFound, .methodNotAllowed:
            "invalid_request_error"
        case .quotaExceeded: "rate_limit_error"
        case .unauthorized: "authentication_error"
        case .aliasNotAllowed: "permission_error"
        case .deadlineExceeded: "timeout_error"
        case .allProvidersFailed(let failures):
            switch Self.aggregateStatus(failures) {
            case 429: "rate_limit_error"
            case 400..<500: "invalid_request_error"
            default: "upstream_error"
            }
        case .clientDisconnected, .clientTooSlow: "client_disconnected"
        }
    }

    /// OpenAI-style `error.code`.
    public var code: String {
        switch self {
        case .invalidRequest: "invalid_request"
        case .unsupportedMediaType: "unsupported_media_type"
        case .payloadTooLarge: "payload_too_large"
        case .requestTimeout: "request_timeout"
        case .bodyUnreadable: "body_unreadable"
        case .unknownModel: "model_not_found"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .unauthorized: "invalid_api_key"
        case .aliasNotAllowed: "model_not_allowed"
        case .quotaExceeded: "quota_exceeded"
        case .deadlineExceeded: "deadline_exceeded"
        case .allProvidersFailed: "all_providers_failed"
        case .clientDisconnected: "client_disconnected"
        case .clientTooSlow: "client_too_slow"
        }
    }

    /// The `param` of an OpenAI error body.
    public var param: String? {
        switch self {
        case .invalidRequest(_, let param): param
        case .unknownModel, .aliasNotAllowed: "model"
        case .unauthorized, .quotaExceeded: nil
        case .unsupportedMediaType, .payloadTooLarge, .requestTimeout, .bodyUnreadable, .notFound, .methodNotAllowed,
            .deadlineExceeded, .allProvidersFailed, .clientDisconnected, .clientTooSlow:
            nil
        }
    }

    public var message: String {
        switch self {
        case .invalidRequest(let message, _): message
        case .unsupportedMediaType(let type):
            "Content-Type must be application/json, got '\(type)'"
        case .payloadTooLarge(let limit): "request body exceeds the limit of \(limit) bytes"
        case .requestTimeout(let ms): "the request body did not arrive within the request deadline of \(ms) ms"
        case .bodyUnreadable(let reason): "the request body could not be read: \(reason)"
        case .unknownModel(let model): "The model '\(model)' does not exist; GET /v1/models lists the aliases"
        case .notFound(let path): "no route for \(path)"
        case .methodNotAllowed(let method, let path, let allowed):
            "\(path) does not take \(method); use \(allowed.joined(separator: " or "))"
        case .unauthorized: "a valid API key is required (Authorization: Bearer KEY or x-api-key)"
        case .aliasNotAllowed(let alias): "this key may not use the model '\(alias)'"
        case .quotaExceeded(let message, _): message
        case .deadlineExceeded(let ms): "no answer within the request deadline of \(ms) ms"
        case .allProvidersFailed(let failures) where failures.isEmpty:
            "no provider is available for this model (all of its providers are disabled)"
        case .allProvidersFailed(let failures):
            "all providers failed: "
                + failures.map { "\($0.provider)/\($0.model): \($0.failure.message)" }
                .joined(separator: "; ")
        case .clientDisconnected: "client disconnected"
        case .clientTooSlow(let pending): "the client read its stream too slowly (\(pending) events waiting); dropped"
        }
    }

    /// Seconds for a `Retry-After` header, when the status asks the client to wait.
    public var retryAfterSeconds: Int? {
        switch self {
        case .quotaExceeded(_, let seconds): seconds
        case .allProvidersFailed(let failures):
            Self.aggregateStatus(failures) == 429 ? Self.aggregateRetryAfter(failures) : nil
        case .invalidRequest, .unsupportedMediaType, .payloadTooLarge, .requestTimeout, .bodyUnreadable, .unknownModel,
            .notFound, .methodNotAllowed, .unauthorized, .aliasNotAllowed, .deadlineExceeded, .clientDisconnected, .clientTooSlow:
            nil
        }
    }

    public var severity: ErrorSeverity {
        switch self {
        case .invalidRequest, .unsupportedMediaType, .payloadTooLarge, .requestTimeout, .bodyUnreadable, .unknownModel,
            .notFound, .methodNotAllowed, .unauthorized, .aliasNotAllowed, .quotaExceeded:
            .info
        case .clientDisconnected: .info
        case .clientTooSlow: .warning
        case .deadlineExceeded: .warning
        case .allProvidersFailed: .error
        }
    }

    /// 429 when every failure was a rate limit or a full queue; the upstream's 4xx when
    /// every failure was a rejection of the request itself; 504 when a timeout was among
    /// them; else 502.
    static func aggregateStatus(_ failures: [ProviderFailure]) -> Int {
        guard !failures.isEmpty else { return 503 }
        var allThrottled = true
        var rejectedStatus: Int?
        var allRejected = true
        var sawTimeout = false
        var allUnavailable = true
        for item in failures {
            switch item.failure {
            case .queueFull:
                allRejected = false
                allUnavailable = false
            case .circuitOpen:
                allThrottled = false
                allRejected = false
            case .upstream(let error):
                allUnavailable = false
                switch error {
                case .rateLimited:
                    allRejected = false
                case .rejected(let status, _):
                    allThrottled = false
                    rejectedStatus = status
                case .firstTokenTimeout:
                    sawTimeout = true
                    allThrottled = false
                    allRejected = false
                case .overloaded, .serverError, .connectionFailed, .malformedResponse, .streamInterrupted:
                    allThrottled = false
                    allRejected = false
                }
            }
        }
        if allUnavailable { return 503 }
        if allThrottled { return 429 }
        if allRejected, let status = rejectedStatus { return status }
        if sawTimeout { return 504 }
        return 502
    }

    static func aggregateRetryAfter(_ failures: [ProviderFailure]) -> Int {
        var seconds = 1
        for item in failures {
            switch item.failure {
            case .queueFull(let value): seconds = max(seconds, value)
            case .upstream(let error):
                if let wait = error.retryAfter {
                    seconds = max(seconds, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
                }
            case .circuitOpen: break
            }
        }
        return seconds
    }
}
