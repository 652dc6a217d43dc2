import GatewayCore
import Hummingbird

/// Under `tenants:`, every `/v1/` route needs a tenant's key (`Authorization: Bearer` or
/// `x-api-key`); a missing, unknown or wrong key is the same 401. Operator routes
/// (`DELETE /v1/cache`) need the operator's key. In open mode (no tenants) nothing is asked.
struct TenantAccessMiddleware: RouterMiddleware {
    let gateway: Gateway

    func handle(
        _ request: Request, context: GatewayRequestContext,
        next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        let access = gateway.access()
        guard access.tenantsRequired, request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let key = TenantIdentity.presentedKey(request.headers)
        if Self.isOperatorRoute(request) {
            guard let key, access.keys.isOperator(key) else { return ErrorResponses.response(.unauthorized) }
            return try await next(request, context)
        }
        guard let key, let tenant = access.keys.tenant(forKey: key) else {
            gateway.metrics.tenantRejected(tenant: "-", reason: "unauthorized")
            return ErrorResponses.response(.unauthorized, api: .forPath(request.uri.path))
        }
        var context = context
        context.tenant = TenantIdentity(config: tenant)
        return try await next(request, context)
    }

    static func isOperatorRoute(_ request: Request) -> Bool {
        request.method == .delete && request.uri.path == "/v1/cache"
    }
}

/// Who may call the gateway now: the tenants' keys of the current policy.
struct TenantAccess: Sendable {
    let keys: TenantKeys
    /// False in open mode.
    let tenantsRequired: Bool
}
