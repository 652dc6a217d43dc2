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
                    headers: ChatCompletionsHandler.forwardable(request.headers, requestID: context.requestID), channel: context.channel)
            } catch {
                return ErrorResponses.response(error)
            }
        }
    }

    private func answer(
        _ request: EmbeddingsIngress.Request, snapshot: RuntimeSnapshot, tenant: TenantIdentity?, headers: HTTPFields,
        channel: any Channel
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
        if model.backend == .provider {
            return try await upstream(request, model: model, snapshot: snapshot, headers: headers, channel: channel)
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

    /// The entry's routes under the server's default deadline and the client's connection,
    /// with chat's breakers, retries and fallback (``EmbeddingExecutor``). Its usage is
    /// passed through (Gemini reports none: then four bytes a token, estimated).
    private func upstream(
        _ request: EmbeddingsIngress.Request, model: EmbeddingModelConfig, snapshot: RuntimeSnapshot, headers: HTTPFields,
        channel: any Channel
    ) async throws(GatewayError) -> Response {
        let timeout = snapshot.policy.server.defaultTimeout
        let started = ContinuousClock.now
        let deadline = started + timeout
        let executor = EmbeddingExecutor(runner: gateway.executor.runner)
        let watch = gateway.connections.watch(for: channel)
        let answer: EmbeddingExecutor.Answer
        do {
            answer = try await GuardedExecution.run(deadline: deadline, eventLoop: channel.eventLoop, watch: watch) {
                try await executor.embed(
                    inputs: request.inputs, dimensions: request.dimensions, model: model, snapshot: snapshot, headers: headers,
                    deadline: deadline, timeout: timeout)
            }
        } catch let failed as EmbeddingExecutor.Failed {
            return ErrorResponses.response(failed.error, extraHeaders: failed.trace.headers(elapsed: .now - started))
        } catch {
            throw watch?.isClosed == true ? .clientDisconnected : .deadlineExceeded(milliseconds: Int(timeout.milliseconds))
        }
        let tokens = answer.reply.promptTokens ?? request.inputs.reduce(0) { $0 + ($1.utf8.count + 3) / 4 }
        var fields = answer.trace.headers(elapsed: .now - started)
        fields[.contentType] = "application/json"
        return Response(
            status: .ok, headers: fields,
            body: ResponseBody(byteBuffer: EmbeddingsIngress.encodeResponse(
                answer.reply.vectors, model: model.name, promptTokens: tokens, base64: request.base64)))
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
