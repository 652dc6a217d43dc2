import GatewayCache
import GatewayCore
import GatewayProviders
import HTTPServerGuards
import HTTPTypes
import Hummingbird
import JSONCore
import Logging
import NIOCore

/// `POST /v1/chat/completions` and `POST /v1/messages`: validates the request, runs it
/// under its deadline and the client's connection, and answers JSON or SSE in the shape of
/// the API it came in on.
struct ChatCompletionsHandler: Sendable {
    let gateway: Gateway
    var api: IngressAPI = .chatCompletions

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let snapshot = gateway.snapshot()
        var request = request
        let prepared: Prepared
        do {
            prepared = try await Self.prepare(&request, policy: snapshot.policy, api: api)
        } catch {
            return finish(error: error, alias: "-", started: started, trace: ExecutionTrace(), stream: false)
        }
        let (chat, alias) = (prepared.request, prepared.alias)
        let choices = chat.choiceCount > 1 ? choicePlan(chat, alias: alias, snapshot: snapshot) : .native
        let lease: TenantLease?
        switch await admit(chat, alias: alias, tenant: context.tenant) {
        case .success(let admitted): lease = admitted
        case .failure(let error): return finish(error: error, alias: alias.name, started: started, trace: ExecutionTrace(), stream: chat.stream)
        }
        let namespace = context.tenant?.config.cacheNamespace ?? CacheRuntime.defaultNamespace
        let plan = CachePlan(
            request: chat, policy: alias.cache,
            directive: CachePlan.directive(headers: request.headers, bodyNoStore: prepared.noStore))
        let cache = gateway.cache
        let key = plan.looksUp || plan.mayStore
            ? await cache.exact.key(for: chat, alias: alias.name, namespace: namespace) : nil
        let semantic = await semanticPlan(chat, alias: alias, namespace: namespace, key: key)
        if plan.looksUp, let key {
            if let hit = await lookup(key, chat: chat, alias: alias, started: started) {
                await lease?.finish(actual: 0)
                return hit
            }
            if let semantic, let hit = await semanticLookup(semantic, chat: chat, alias: alias, started: started) {
                await lease?.finish(actual: 0)
                return hit
            }
        } else {
            cache.metrics.lookup(alias: alias.name, tier: "exact", outcome: "bypass")
        }
        let run = Run(
            chat: chat, alias: alias, plan: plan, key: key, semantic: semantic, outcome: plan.looksUp ? .miss : .bypass,
            started: started, deadline: started + prepared.timeout, timeout: prepared.timeout, snapshot: snapshot,
            headers: Self.forwardable(request.headers, requestID: context.requestID),
            channel: context.channel, watch: gateway.connections.watch(for: context.channel), lease: lease)
        if choices == .fanOut {
            return chat.stream ? await runFannedOutStream(run) : await runFannedOut(run)
        }
        if !chat.stream, plan.looksUp, let key {
            return await runShared(run, key: key)
        }
        return await runDirect(run)
    }

    /// One request on its way upstream: everything the execution and its response need.
    struct Run: Sendable {
        var chat: ChatRequest
        var alias: AliasConfig
        var plan: CachePlan
        var key: CacheKey?
        /// The semantic tier's bucket and question, when the alias has `semantic:`.
        var semantic: SemanticPlan?
        var outcome: CacheOutcome
        var started: ContinuousClock.Instant
        var deadline: ContinuousClock.Instant
        var timeout: Duration
        var snapshot: RuntimeSnapshot
        var headers: HTTPFields
        var channel: any Channel
        var watch: ConnectionWatch?
        /// The tenant's hold on its quota, settled when the request ends.
        var lease: TenantLease?
    }

    /// A request that is not shared with identical ones: a stream, or a request the cache
    /// does not look up. A cacheable answer is stored once the client has it.
    private func runDirect(_ run: Run) async -> Response {
        let trace = TraceRecorder()
        let executor = gateway.executor
        do {
            let answer = try await executor.execute(
                run.chat, alias: run.alias, snapshot: run.snapshot, incomingHeaders: run.headers, deadline: run.deadline,
                timeout: run.timeout, watch: run.watch, eventLoop: run.channel.eventLoop, trace: trace)
            switch answer {
            case .complete(let response, _):
                let write = storeIfCacheable(response, run: run, provider: trace.value.cachedProvider)
                await run.lease?.finish(actual: response.usage?.totalTokens)
                return complete(response, run: run, trace: trace.value, afterResponse: write)
            case .stream(let start):
                let handler = self
                let onCompleted: (@Sendable (ChatResponse, String?) async -> Void)? =
                    run.key != nil && run.plan.mayStore
                    ? { @Sendable response, provider in
                        if let write = handler.storeIfCacheable(response, run: run, provider: provider) { await write.perform() }
                    } : nil
                return SSEResponder(gateway: gateway, api: api, closeConnection: { [channel = run.channel] in channel.close(promise: nil) }).response(
                    start: start, chat: run.chat, alias: run.alias, started: run.started, deadline: run.deadline,
                    trace: trace.value, cache: run.outcome, watch: run.watch, eventLoop: run.channel.eventLoop, lease: run.lease,
                    onCompleted: onCompleted)
            }
        } catch {
            await run.lease?.finish(actual: nil)
            return failed(error, run: run, trace: trace.value)
        }
    }

    /// A JSON request the cache looks up and missed: identical concurrent misses share one
    /// upstream call (single-flight). The call belongs to the flight: a waiter that leaves
    /// does not cancel it while others wait.
    private func runShared(_ run: Run, key: CacheKey) async -> Response {
        let trace = TraceRecorder()
        let executor = gateway.executor
        let cache = gateway.cache
        let handler = self
        do {
            let flight = try await GuardedExecution.run(deadline: run.deadline, eventLoop: run.channel.eventLoop, watch: run.watch) {
                try await cache.flights.run(key: key) {
                    // A flight that ended between this request's lookup and now may have stored it.
                    if let answer = cache.exact.memory.peek(key) {
                        var trace = ExecutionTrace()
                        trace.provider = "cache"
                        return FlightAnswer(response: answer.response(id: handler.api.newID()), trace: trace, serviceTime: nil, sharedWrite: nil)
                    }
                    // The flight's call follows no one client: each waiter has its own deadline
                    // and disconnect around the wait; the call has the leader's deadline.
                    let answer = try await executor.execute(
                        run.chat, alias: run.alias, snapshot: run.snapshot, incomingHeaders: run.headers, deadline: run.deadline,
                        timeout: run.timeout, watch: nil, eventLoop: run.channel.eventLoop, trace: trace)
                    guard case .complete(let response, let serviceTime) = answer else {
                        throw GatewayError.invalidRequest(message: "a JSON request was answered with a stream", param: nil)
                    }
                    let write = handler.storeIfCacheable(response, run: run, provider: trace.value.cachedProvider)
                    return FlightAnswer(response: response, trace: trace.value, serviceTime: serviceTime, sharedWrite: write)
                }
            }
            // Only the request that led the flight writes to the shared store.
            let write = flight.joined ? nil : flight.value.sharedWrite
            // A waiter that joined another request's call spent no tokens of its own.
            await run.lease?.finish(actual: flight.joined ? 0 : flight.value.response.usage?.totalTokens)
            return complete(flight.value.response, run: run, trace: flight.value.trace, afterResponse: write)
        } catch {
            await run.lease?.finish(actual: nil)
            return failed(error, run: run, trace: trace.value)
        }
    }

    /// Under tenants: the alias must be the tenant's and the quota must admit the request.
    private func admit(_ chat: ChatRequest, alias: AliasConfig, tenant: TenantIdentity?) async -> Result<TenantLease?, GatewayError> {
        guard let tenant else { return .success(nil) }
        guard tenant.config.allows(alias: alias.name) else {
            gateway.metrics.tenantRejected(tenant: tenant.name, reason: "alias")
            return .failure(.aliasNotAllowed(alias: alias.name))
        }
        let estimate = (ComplexityEstimate(chat).contextChars + 3) / 4
        let (lease, refusal) = await gateway.quotas.admit(tenant.config, tokens: estimate, now: .now)
        if let refusal {
            gateway.metrics.tenantRejected(tenant: tenant.name, reason: refusal.kind)
            return .failure(.quotaExceeded(message: refusal.message, retryAfterSeconds: refusal.retryAfterSeconds))
        }
        gateway.metrics.tenantAdmitted(tenant: tenant.name, tokens: estimate)
        return .success(lease)
    }

    /// Stores a cacheable answer in memory now; returns the shared-store write still to do.
    func storeIfCacheable(_ response: ChatResponse, run: Run, provider: String?) -> SharedCacheWrite? {
        guard let key = run.key, run.plan.stores(response.finishReason) else { return nil }
        let cache = gateway.cache
        let answer = CachedAnswer(response: response, provider: provider ?? "-", now: cache.clock.now(), ttl: run.plan.ttl)
        var write = cache.exact.storeInMemory(answer, under: key)
        write.followUp = semanticInsert(run.semantic, answer: answer, key: key, ttl: run.plan.ttl)
        return write
    }

    func failed(_ error: any Error, run: Run, trace: ExecutionTrace) -> Response {
        if let error = error as? GatewayError {
            return finish(error: error, alias: run.alias.name, started: run.started, trace: trace, stream: run.chat.stream)
        }
        let gatewayError: GatewayError =
            run.watch?.isClosed == true
            ? .clientDisconnected
            : .deadlineExceeded(milliseconds: Int(run.timeout.milliseconds))
        return finish(error: gatewayError, alias: run.alias.name, started: run.started, trace: trace, stream: run.chat.stream)
    }

    func complete(_ response: ChatResponse, run: Run, trace: ExecutionTrace, afterResponse: SharedCacheWrite?) -> Response {
        var response = response
        response.id = api.newID()
        let body = api.encodeResponse(response, model: run.chat.model, created: Self.unixTime())
        let elapsed = ContinuousClock.now - run.started
        var headers = trace.headers(elapsed: elapsed)
        headers[.contentType] = "application/json"
        headers[.gatewayCache] = run.outcome.rawValue
        RequestLog.finished(
            gateway: gateway, alias: run.alias.name, status: 200, stream: false, elapsed: elapsed, trace: trace, cache: run.outcome)
        guard let afterResponse else {
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(body)
            try await writer.finish(nil)
            await afterResponse.perform()
        })
    }

    private func finish(error: GatewayError, alias: String, started: ContinuousClock.Instant, trace: ExecutionTrace, stream: Bool) -> Response {
        let elapsed = ContinuousClock.now - started
        RequestLog.failed(gateway: gateway, alias: alias, error: error, stream: stream, elapsed: elapsed, trace: trace)
        return ErrorResponses.response(error, api: api, extraHeaders: trace.headers(elapsed: elapsed))
    }

    /// A validated request, its alias and deadline, and the gateway's body extensions.
    struct Prepared: Sendable {
        var request: ChatRequest
        var alias: AliasConfig
        var timeout: Duration
        var noStore: Bool
    }

    /// Reads and validates the request: media type, size, JSON, alias, deadline header.
    private static func prepare(_ request: inout Request, policy: Policy, api: IngressAPI) async throws(GatewayError) -> Prepared {
        let body = try await readBody(&request, limit: policy.server.maxBodyBytes)
        let decoded = try api.decode(body, limits: JSONLimits(maxBytes: policy.server.maxBodyBytes, maxDepth: policy.server.maxJSONDepth))
        guard let alias = policy.alias(named: decoded.request.model) else {
            throw .unknownModel(decoded.request.model)
        }
        return Prepared(
            request: decoded.request, alias: alias, timeout: try timeout(request.headers, alias: alias, server: policy.server),
            noStore: decoded.noStore)
    }

    static func readBody(_ request: inout Request, limit: Int) async throws(GatewayError) -> ByteBuffer {
        let contentType = request.headers[.contentType] ?? ""
        guard MediaType.isJSON(contentType) else {
            throw .unsupportedMediaType(contentType.isEmpty ? "(none)" : contentType)
        }
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw .payloadTooLarge(limitBytes: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw .payloadTooLarge(limitBytes: limit)
        } catch {
            throw .bodyUnreadable(error is CancellationError ? "the request was cancelled" : "the connection ended before the body was complete")
        }
    }

    private static func timeout(_ headers: HTTPFields, alias: AliasConfig, server: ServerSettings) throws(GatewayError) -> Duration {
        if let raw = headers[.gatewayTimeout] {
            let most = Int(server.maxTimeout.milliseconds)
            guard let milliseconds = Int(raw), milliseconds > 0, milliseconds <= most else {
                throw .invalidRequest(
                    message: "x-gateway-timeout-ms must be a positive integer of at most \(most), got '\(raw.prefix(32))'",
                    param: "x-gateway-timeout-ms")
            }
            return .milliseconds(milliseconds)
        }
        return alias.timeout ?? server.defaultTimeout
    }

    /// The client's headers with the request's id set, so providers receive it.
    static func forwardable(_ headers: HTTPFields, requestID: String?) -> HTTPFields {
        guard let requestID else { return headers }
        var headers = headers
        headers[.requestID] = requestID
        return headers
    }

    static func unixTime() -> Int {
        Int(Date().timeIntervalSince1970)
    }
}

import struct Foundation.Date
