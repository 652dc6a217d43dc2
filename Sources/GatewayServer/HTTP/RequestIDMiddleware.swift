import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// Request and response: the request's id, the client's when it sent a usable one.
    static let requestID = Self("x-request-id")!
}

/// The id of the request being handled, for its log line (a task-local, set around the
/// handler and again around a streamed body, which is written after the handler returned).
enum RequestID {
    @TaskLocal static var current: String?

    /// The longest client id kept; longer or odd ones are replaced, never echoed.
    static let maxLength = 128

    /// A client's id is kept when it is 1–128 visible ASCII characters without spaces or
    /// quotes (so it can go into logs and upstream headers as it is).
    static func accepted(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= maxLength,
            value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        else { return nil }
        return value
    }

    static func generate() -> String {
        "req_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}

/// `x-request-id`: accepted from the client or generated, kept in the context (the chat
/// handler forwards it upstream), returned on every response and logged with the
/// request's line.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = RequestID.accepted(request.headers[.requestID]) ?? RequestID.generate()
        var context = context
        context.requestID = id
        var response = try await RequestID.$current.withValue(id) { try await next(request, context) }
        response.headers[.requestID] = id
        return response
    }
}
