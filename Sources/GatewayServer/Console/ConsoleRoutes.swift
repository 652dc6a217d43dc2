import Foundation
import Hummingbird
import NIOCore

/// `GET /console` (the page) and `GET /console/data` (the numbers it shows: the same body
/// as `/health/providers`). Under tenants the data needs the operator key.
struct ConsoleRoutes: Sendable {
    let gateway: Gateway

    func register(on router: Router<GatewayRequestContext>) {
        router.get("/console") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ConsolePage.html)))
        }
        router.get("/console/data") { request, _ in
            let access = gateway.access()
            if access.tenantsRequired {
                guard let key = TenantIdentity.presentedKey(request.headers), access.keys.isOperator(key) else {
                    return ErrorResponses.response(.unauthorized)
                }
            }
            let report = ProviderHealthReport.make(gateway: gateway, now: .now)
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try report.encoded())))
        }
    }
}
