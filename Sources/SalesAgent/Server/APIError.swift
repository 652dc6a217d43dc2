import Hummingbird
import Logging

/// Every error the agent's HTTP API answers with. Each case decides, without a `default:`,
/// its status, its machine-readable code and the level it is logged at.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is not valid JSON.
    case malformedJSON(String)
    /// The body is JSON but not an object.
    case bodyNotObject
    /// `message` is missing, not a string or empty.
    case invalidMessage(String)
    /// A field other than `message` has the wrong type or value.
    case invalidField(name: String, problem: String)
    /// `context` names a slot that does not exist.
    case unknownSlot(String)
    /// The body is over the limit.
    case payloadTooLarge(limitBytes: Int)
    /// The body is not `application/json`.
    case unsupportedMediaType(String)
    /// No route matches the method and path.
    case routeNotFound(method: String, path: String)
    /// The session manager refused the request.
    case session(SessionError)
    /// Something failed on our side (storage); the message is safe to show.
    case internalError(String)

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .malformedJSON, .bodyNotObject, .invalidMessage, .invalidField, .unknownSlot: .badRequest
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .routeNotFound: .notFound
        case .session(let error):
            switch error {
            case .notFound: .notFound
            case .alreadyExists, .busy, .closed: .conflict
            case .invalidID, .emptyMessage: .badRequest
            }
        case .internalError: .internalServerError
        }
    }

    /// The stable code clients branch on.
    public var code: String {
        switch self {
        case .malformedJSON: "malformed_json"
        case .bodyNotObject: "invalid_body"
        case .invalidMessage: "invalid_message"
        case .invalidField: "invalid_field"
        case .unknownSlot: "unknown_slot"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .routeNotFound: "not_found"
        case .session(let error):
            switch error {
            case .notFound: "session_not_found"
            case .alreadyExists: "session_exists"
            case .invalidID: "invalid_session_id"
            case .busy: "session_busy"
            case .closed: "session_closed"
            case .emptyMessage: "invalid_message"
            }
        case .internalError: "internal_error"
        }
    }

    /// Client mistakes are routine (debug); our own failures are errors.
    public var logLevel: Logger.Level {
        switch self {
        case .malformedJSON, .bodyNotObject, .invalidMessage, .invalidField, .unknownSlot, .payloadTooLarge,
            .unsupportedMediaType, .routeNotFound, .session:
            .debug
        case .internalError: .error
        }
    }

    public var description: String {
        switch self {
        case .malformedJSON(let detail): "the body is not valid JSON: \(detail)"
        case .bodyNotObject: "the body must be a JSON object"
        case .invalidMessage(let problem): problem
        case .invalidField(let name, let problem): "'\(name)' \(problem)"
        case .unknownSlot(let name): "unknown slot '\(name)' in context"
        case .payloadTooLarge(let limit): "the body is over \(limit / 1024) KiB"
        case .unsupportedMediaType(let type): "content type must be application/json, got '\(type)'"
        case .routeNotFound(let method, let path): "no route for \(method) \(path)"
        case .session(let error): error.description
        case .internalError(let message): message
        }
    }
}
