import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import JSONCore
import NIOCore

/// `POST /v1/messages/count_tokens` (SPEC §3.3): forwarded to the alias's first route when
/// its provider can count (Anthropic); any other first route is a 400 naming the provider,
/// since a count from another vendor's tokenizer would not be the count of the route that
/// answers. Errors are Anthropic-shaped.
struct CountTokensRoute: Sendable {
    let gateway: Gateway

    func register(on router: Router<GatewayRequestContext>) {
        router.post("/v1/messages/count_tokens") { request, context in
            var request = request
            let snapshot = gateway.snapshot()
            let policy = snapshot.policy
            do throws(GatewayError) {
                let body = try await ChatCompletionsHandler.readBody(&request, limit: policy.server.maxBodyBytes)
                let decoded = try CountTokensIngress.decode(
                    body, limits: JSONLimits(maxBytes: policy.server.maxBodyBytes, maxDepth: policy.server.maxJSONDepth))
                return try await count(
                    decoded, snapshot: snapshot, tenant: context.tenant,
                    headers: ChatCompletionsHandler.forwardable(request.headers, requestID: context.requestID))
            } catch {
                return ErrorResponses.response(error, api: .messages)
            }
        }
    }

    private func count(
        _ request: CountTokensIngress.Request, snapshot: RuntimeSnapshot, tenant: TenantIdentity?, headers: HTTPFields
    ) async throws(GatewayError) -> Response {
        guard let alias = snapshot.policy.alias(named: request.alias) else { throw .unknownModel(request.alias) }
        if let tenant, !tenant.config.allows(alias: alias.name) { throw .aliasNotAllowed(alias: alias.name) }
        guard let route = alias.routes.first(where: { snapshot.providers[$0.provider] != nil }) else {
            throw .allProvidersFailed([])
        }
        func failure(_ error: UpstreamError) -> GatewayError {
            .allProvidersFailed([ProviderFailure(provider: route.provider, model: route.model, failure: .upstream(error))])
        }
        guard let runtime = snapshot.providers[route.provider], let provider = runtime.provider as? any TokenCountingProvider else {
            let kind = snapshot.providers[route.provider]?.config.kind.rawValue ?? "unknown"
            throw .invalidRequest(
                message: "count_tokens needs an Anthropic first route: alias '\(alias.name)' routes first to '\(route.provider)' "
                    + "(\(kind)), which cannot count tokens",
                param: "model")
        }
        let deadline = NIODeadline(ContinuousClock.now + snapshot.policy.server.defaultTimeout)
        let tokens: Int
        do {
            tokens = try await provider.countTokens(
                try request.body(model: route.model),
                forwardedHeaders: RequestExecutor.forwarded(headers, to: runtime),
                deadline: deadline)
        } catch let error as UpstreamError {
            throw failure(error)
        } catch let error as GatewayError {
            throw error
        } catch {
            throw failure(.connectionFailed(String(describing: error)))
        }
        var fields: HTTPFields = [.contentType: "application/json", .gatewayProvider: route.provider, .gatewayModel: route.model]
        if runtime.isSimulated { fields[.gatewaySimulated] = "true" }
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: CountTokensIngress.encodeResponse(inputTokens: tokens)))
    }
}
