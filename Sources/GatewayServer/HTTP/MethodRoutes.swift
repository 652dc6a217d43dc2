import GatewayCore
import HTTPTypes
import Hummingbird

/// A known path asked with a method it does not take is a 405 naming the ones it does
/// (with `Allow`), not a 404 that suggests the path is wrong.
enum MethodRoutes {
    /// Each API path and the methods its routes take.
    static let allowed: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/v1/chat/completions", [.post]),
        ("/v1/messages", [.post]),
        ("/v1/messages/count_tokens", [.post]),
        ("/v1/responses", [.post]),
        ("/v1/embeddings", [.post]),
        ("/v1/models", [.get]),
        ("/v1/models/{id}", [.get]),
        ("/v1/cache", [.delete]),
        ("/health", [.get]),
        ("/health/ready", [.get]),
        ("/health/providers", [.get]),
        ("/metrics", [.get]),
    ]

    static let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]

    static func register<Context: RequestContext>(on router: Router<Context>) {
        for (path, allowed) in allowed {
            let names = allowed.map(\.rawValue)
            for method in methods where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    throw GatewayError.methodNotAllowed(method: request.method.rawValue, path: request.uri.path, allowed: names)
                }
            }
        }
    }
}
