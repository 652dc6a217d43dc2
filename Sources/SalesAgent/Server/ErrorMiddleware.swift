import Hummingbird

/// Turns every error thrown by a route, or by Hummingbird itself (unknown route, body too
/// large), into the API's JSON error body; a client never gets an HTML or empty error.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(error, request: request)
            context.logger.log(
                level: apiError.logLevel, "request refused",
                metadata: ["code": "\(apiError.code)", "reason": "\(apiError.description)"])
            return apiError.response
        }
    }

    private static func apiError(_ error: any Error, request: Request) -> APIError {
        guard let error = error as? HTTPError else { return APIError(error) }
        switch error.status {
        case .notFound: return .routeNotFound(method: request.method.rawValue, path: request.uri.path)
        case .contentTooLarge: return .payloadTooLarge(limitBytes: JSONBodyReader.limitBytes)
        case .unsupportedMediaType: return .unsupportedMediaType(request.headers[.contentType] ?? "(none)")
        default:
            return error.status.code < 500
                ? .invalidField(name: "request", problem: error.body ?? error.status.reasonPhrase)
                : .internalError(error.body ?? error.status.reasonPhrase)
        }
    }
}
