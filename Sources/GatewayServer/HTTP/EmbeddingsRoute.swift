import Embeddings
import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import JSONCore
import NIOCore

/// `POST /v1/embeddings` for the policy's `embeddings:` models. A `local` model is served
/// by the gateway's own embedder (the semantic cache's), so it answers offline; `usage`
/// counts the embedder's own word pieces. A `provider` model is sent to that provider's
/// embeddings API, its usage passed through and its failures mapped as chat's are.
struct EmbeddingsRoute: Sendable {
    let gateway: Gateway

    func register(on router: Router<GatewayRequestContext>) {
        router.post("/v1/embeddings") { request, context in
            var request = request
            let policy = gateway.snapshot().policy
            do throws(GatewayError) {
                let body = try await ChatCompletionsHandler.readBody(&request, limit: policy.server.maxBodyBytes)
                let decoded = try EmbeddingsIngress.decode(
                    body, limits: JSONLimits(maxBytes: policy.server.maxBodyBytes, maxDepth: policy.server.maxJSONDepth))
                return try await answer(
                    decoded, snapshot: gateway.snapshot(), tenant: context.tenant,
                    headers: ChatCompletionsHandler.forwardable(request.headers, requestID: context.requestID))
            } catch {
                return ErrorResponses.response(error)
            }
        }
    }

    private func answer(
        _ request: EmbeddingsIngress.Request, snapshot: RuntimeSnapshot, tenant: TenantIdentity?, headers: HTTPFields
    ) async throws(GatewayError) -> Response {
        let policy = snapshot.policy
        guard let model = policy.embeddingModel(named: request.model) else {
            if policy.alias(named: request.model) != nil {
                let names = policy.embeddings.map(\.name).joined(separator: ", ")
                throw .invalidRequest(message: "'\(request.model)' is a chat model; embedding models: \(names)", param: "model")
            }
            throw .unknownModel(request.model)
        }
        if let tenant, !tenant.config.allows(alias: model.name) { throw .aliasNotAllowed(alias: model.name) }
        if model.backend == .provider, let route = model.route {
            return try await upstream(request, model: model, route: route, snapshot: snapshot, headers: headers)
        }
        guard let embedder = gateway.cache.semantic?.embedder ?? (try? SemanticRuntime.bundled.get()) else {
            throw .invalidRequest(message: "the local embedder is not available (its table did not load)", param: "model")
        }
        if let dimensions = request.dimensions, dimensions != embedder.dimension {
            throw .invalidRequest(message: "'dimensions' must be \(embedder.dimension), the local embedder's", param: "dimensions")
        }
        let vectors = request.inputs.map { embedder.embed($0) }
        let tokens = request.inputs.reduce(0) { $0 + Self.wordPieces($1, embedder: embedder) }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .gatewayProvider: "local-embedder", .gatewayModel: embedder.identifier],
            body: ResponseBody(byteBuffer: EmbeddingsIngress.encodeResponse(vectors, model: model.name, promptTokens: tokens, base64: request.base64)))
    }

    /// One call to the route's provider under the server's default deadline. Its usage is
    /// passed through (Gemini reports none: then four bytes a token, estimated).
    private func upstream(
        _ request: EmbeddingsIngress.Request, model: EmbeddingModelConfig, route: Route, snapshot: RuntimeSnapshot, headers: HTTPFields
    ) async throws(GatewayError) -> Response {
        func failure(_ error: UpstreamError) -> GatewayError {
            .allProvidersFailed([ProviderFailure(provider: route.provider, model: route.model, failure: .upstream(error))])
        }
        guard let runtime = snapshot.providers[route.provider] else {
            let why = snapshot.disabled[route.provider] ?? "not configured"
            throw failure(.rejected(status: 503, message: "provider '\(route.provider)' is disabled: \(why)"))
        }
        guard let provider = runtime.provider as? any EmbeddingProvider else {
            throw failure(.rejected(status: 400, message: "provider '\(route.provider)' has no embeddings API the gateway speaks"))
        }
        let timeout = snapshot.policy.server.defaultTimeout
        let call = EmbeddingCall(
            model: route.model, inputs: request.inputs, dimensions: request.dimensions,
            forwardedHeaders: RequestExecutor.forwarded(headers, names: runtime.config.forwardHeaders + ["x-request-id"]),
            deadline: NIODeadline(ContinuousClock.now + timeout))
        let reply: EmbeddingReply
        do {
            reply = try await provider.embed(call)
        } catch let error as UpstreamError {
            throw failure(error)
        } catch {
            throw failure(.connectionFailed(String(describing: error)))
        }
        let tokens = reply.promptTokens ?? request.inputs.reduce(0) { $0 + ($1.utf8.count + 3) / 4 }
        var fields: HTTPFields = [.contentType: "application/json", .gatewayProvider: route.provider, .gatewayModel: route.model]
        if runtime.isSimulated { fields[.gatewaySimulated] = "true" }
        return Response(
            status: .ok, headers: fields,
            body: ResponseBody(byteBuffer: EmbeddingsIngress.encodeResponse(
                reply.vectors, model: model.name, promptTokens: tokens, base64: request.base64)))
    }

    /// The input's size in the bundled tokenizer's word pieces (for another embedder, a
    /// four-bytes-a-token estimate).
    static func wordPieces(_ text: String, embedder: any Embedder) -> Int {
        guard let local = embedder as? StaticEmbedder else { return (text.utf8.count + 3) / 4 }
        var count = 0
        local.tokenizer.forEachTokenID(in: text) { _ in count += 1 }
        return count
    }
}
