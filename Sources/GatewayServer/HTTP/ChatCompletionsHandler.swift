import GatewayCore
import GatewayProviders
import HTTPServerGuards
import HTTPTypes
import Hummingbird
import JSONCore
import Logging
import NIOCore

/// `POST /v1/chat/completions`: validates the request, runs it under its deadline and
/// the client's connection, and answers JSON or SSE.
struct ChatCompletionsHandler: Sendable {
    let gateway: Gateway

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let snapshot = gateway.snapshot()
        var request = request
        let chat: ChatRequest
        let alias: AliasConfig
        let timeout: Duration
        do {
            (chat, alias, timeout) = try await Self.prepare(&request, policy: snapshot.policy)
        } catch {
            return finish(error: error, alias: "-", started: started, trace: ExecutionTrace(), stream: false)
        }
        let deadline = started + timeout
        let trace = TraceRecorder()
        let watch = gateway.connections.watch(for: context.channel)
        let executor = gateway.executor
        let headers = request.headers
        do {
            let answer = try await GuardedExecution.run(
                deadline: deadline, eventLoop: context.channel.eventLoop, watch: watch
            ) {
                try await executor.execute(
                    chat, alias: alias, snapshot: snapshot, incomingHeaders: headers, deadline: deadline, trace: trace)
            }
            switch answer {
            case .complete(let response, _):
                return complete(response, chat: chat, alias: alias, started: started, trace: trace.value)
            case .stream(let start):
                return SSEResponder(gateway: gateway, closeConnection: { [channel = context.channel] in channel.close(promise: nil) }).response(
                    start: start, chat: chat, alias: alias, started: started, deadline: deadline,
                    trace: trace.value, watch: watch, eventLoop: context.channel.eventLoop)
            }
        } catch let error as GatewayError {
            return finish(error: error, alias: alias.name, started: started, trace: trace.value, stream: chat.stream)
        } catch {
            let gatewayError: GatewayError =
                watch?.isClosed == true
                ? .clientDisconnected
                : .deadlineExceeded(milliseconds: Int(timeout.milliseconds))
            return finish(error: gatewayError, alias: alias.name, started: started, trace: trace.value, stream: chat.stream)
        }
    }

    private func complete(_ response: ChatResponse, chat: ChatRequest, alias: AliasConfig, started: ContinuousClock.Instant, trace: ExecutionTrace) -> Response {
        let body = OpenAIIngress.encodeResponse(response, model: chat.model, created: Self.unixTime())
        let elapsed = ContinuousClock.now - started
        var headers = trace.headers(elapsed: elapsed)
        headers[.contentType] = "application/json"
        RequestLog.finished(
            gateway: gateway, alias: alias.name, status: 200, stream: false, elapsed: elapsed, trace: trace)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    private func finish(error: GatewayError, alias: String, started: ContinuousClock.Instant, trace: ExecutionTrace, stream: Bool) -> Response {
        let elapsed = ContinuousClock.now - started
        RequestLog.failed(gateway: gateway, alias: alias, error: error, stream: stream, elapsed: elapsed, trace: trace)
        return ErrorResponses.response(error, extraHeaders: trace.headers(elapsed: elapsed))
    }

    /// Reads and validates the request: media type, size, JSON, alias, deadline header.
    private static func prepare(_ request: inout Request, policy: Policy) async throws(GatewayError) -> (ChatRequest, AliasConfig, Duration) {
        let body = try await readBody(&request, limit: policy.server.maxBodyBytes)
        let chat = try OpenAIIngress.decodeRequest(body, limits: JSONLimits(maxBytes: policy.server.maxBodyBytes, maxDepth: policy.server.maxJSONDepth))
        guard let alias = policy.alias(named: chat.model) else {
            throw .unknownModel(chat.model)
        }
        return (chat, alias, try timeout(request.headers, alias: alias, server: policy.server))
    }

    private static func readBody(_ request: inout Request, limit: Int) async throws(GatewayError) -> ByteBuffer {
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

    static func unixTime() -> Int {
        Int(Date().timeIntervalSince1970)
    }
}

import struct Foundation.Date
