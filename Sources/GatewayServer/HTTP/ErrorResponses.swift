import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import NIOCore

/// Renders a ``GatewayError`` as an OpenAI-style JSON error response.
enum ErrorResponses {
    static func response(_ error: GatewayError, api: IngressAPI = .chatCompletions, extraHeaders: HTTPFields = [:]) -> Response {
        var headers = extraHeaders
        headers[.contentType] = "application/json"
        if let seconds = error.retryAfterSeconds {
            headers[.retryAfter] = String(seconds)
        }
        if case .methodNotAllowed(_, _, let allowed) = error {
            headers[.allow] = allowed.joined(separator: ", ")
        }
        return Response(
            status: HTTPResponse.Status(code: error.httpStatus),
            headers: headers,
            body: ResponseBody(byteBuffer: api.encodeError(error)))
    }
}

/// Turns errors thrown anywhere in the router (unknown path, wrong method, Hummingbird's
/// own errors) into JSON error bodies, so a client never gets an HTML or empty error.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as GatewayError {
            return ErrorResponses.response(error, api: .forPath(request.uri.path))
        } catch let error as HTTPError {
            let api = IngressAPI.forPath(request.uri.path)
            switch error.status {
            case .notFound:
                return ErrorResponses.response(.notFound(path: request.uri.path), api: api)
            case .contentTooLarge:
                return ErrorResponses.response(.payloadTooLarge(limitBytes: 0), api: api)
            default:
                let body = OpenAIIngress.encodeError(
                    .invalidRequest(message: error.body ?? error.status.reasonPhrase, param: nil))
                return Response(
                    status: error.status, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: body))
            }
        }
    }
}
