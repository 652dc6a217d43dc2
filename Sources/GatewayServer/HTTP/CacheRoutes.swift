import GatewayCache
import GatewayCore
import GatewayProviders
import Hummingbird
import NIOCore

/// `DELETE /v1/cache?namespace=NAME`: bumps the namespace's data version, so every entry
/// stored under the old version is never served again (on every gateway sharing Redis).
struct CacheRoutes: Sendable {
    let gateway: Gateway

    func register(on router: Router<GatewayRequestContext>) {
        router.delete("/v1/cache") { request, _ in
            let namespace = request.uri.queryParameters["namespace"].map(String.init) ?? CacheRuntime.defaultNamespace
            guard Self.isValidNamespace(namespace) else {
                return ErrorResponses.response(.invalidRequest(
                    message: "namespace must be 1 to 64 letters, digits, '-', '_' or '.'", param: "namespace"))
            }
            let invalidation = await gateway.cache.invalidate(namespace: namespace)
            gateway.logger.notice(
                "cache namespace invalidated",
                metadata: ["namespace": "\(namespace)", "version": "\(invalidation.version)", "shared": "\(invalidation.shared)"])
            var body = ByteBuffer()
            body.writeString(#"{"namespace":"\#(namespace)","version":\#(invalidation.version),"shared":\#(invalidation.shared)}"#)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
        }
    }

    static func isValidNamespace(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || "-_.".unicodeScalars.contains($0) }
    }
}
