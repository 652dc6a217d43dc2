import AsyncHTTPClient
import Foundation
import GatewayCore
import JSONCore
import NIOCore
import SalesCore

/// What the gateway said about one call, from its `x-gateway-*` response headers.
public struct GatewayCallInfo: Sendable, Hashable, Codable {
    public var provider: String?
    public var model: String?
    public var attempts: Int?
    public var overheadMs: Double?
    /// The simulator's own service time for this call (the ideal latency).
    public var upstreamServiceMs: Double?
    public var cache: String?
    /// True when the gateway says the answer came from its simulator (`x-gateway-simulated`),
    /// not from a model: fine for a bench, never a reply to a customer.
    public var simulated: Bool?

    enum CodingKeys: String, CodingKey {
        case provider, model, attempts, cache, simulated
        case overheadMs = "overhead_ms"
        case upstreamServiceMs = "upstream_service_ms"
    }
}

/// A call to the gateway that did not produce an answer.
public struct GatewayCallError: Error, Sendable, CustomStringConvertible {
    public var status: Int?
    public var message: String
    public var description: String { status.map { "gateway \($0): \(message)" } ?? "gateway: \(message)" }
}

/// The gateway answered from its simulator where a real reply was needed.
public struct SimulatedReplyError: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the gateway's reply was simulated (x-gateway-simulated), not written by a model" }
}

/// The agent's client for `llm-gateway`'s OpenAI-compatible API over localhost HTTP.
/// Each call names its pipeline step in `x-request-tag`, so the simulator and the
/// gateway's metrics can tell steps apart.
public struct GatewayClient: Sendable {
    public let client: HTTPClient
    public let baseURL: String
    /// The tenant key for a gateway with `tenants:`; sent as a bearer token, never logged.
    private let apiKey: String?

    /// `baseURL` is `http://HOST:PORT` or `unix:PATH` (the gateway's `--unix-socket`).
    public init(client: HTTPClient, baseURL: String, apiKey: String? = nil) {
        self.client = client
        self.baseURL = Self.httpBase(baseURL)
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `unix:PATH` becomes AsyncHTTPClient's `http+unix://<percent-encoded path>`; other URLs
    /// lose a trailing slash.
    static func httpBase(_ url: String) -> String {
        if url.hasPrefix("unix:") {
            let path = String(url.dropFirst("unix:".count))
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path
            return "http+unix://" + encoded
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// A complete (non-streamed) answer.
    public func complete(
        model: String, messages: [PromptMessage], tag: String, jsonMode: Bool, maxTokens: Int?, timeout: Duration
    ) async throws -> (text: String, info: GatewayCallInfo) {
        let response = try await send(model: model, messages: messages, tag: tag, jsonMode: jsonMode, maxTokens: maxTokens, stream: false, timeout: timeout)
        let body = try await response.body.collect(upTo: 4 << 20)
        guard response.status == .ok else { throw Self.error(status: response.status.code, body: body) }
        guard let object = try? Self.jsonObject(Array(buffer: body)),
            let choices = object["choices"] as? [[String: Any]],
            let message = choices.first?["message"] as? [String: Any]
        else { throw GatewayCallError(status: 200, message: "the answer is not a chat completion") }
        return ((message["content"] as? String) ?? "", Self.info(response.headers))
    }

    /// A streamed answer: `onDelta` receives text as it arrives; returns the whole text.
    /// With `rejectSimulated`, an answer the gateway marks simulated throws
    /// ``SimulatedReplyError`` before any of its text reaches `onDelta`.
    public func stream(
        model: String, messages: [PromptMessage], tag: String, maxTokens: Int?, timeout: Duration, rejectSimulated: Bool = false,
        onDelta: @Sendable (String) async -> Void
    ) async throws -> (text: String, info: GatewayCallInfo) {
        let response = try await send(model: model, messages: messages, tag: tag, jsonMode: false, maxTokens: maxTokens, stream: true, timeout: timeout)
        guard response.status == .ok else {
            throw Self.error(status: response.status.code, body: try await response.body.collect(upTo: 1 << 20))
        }
        if rejectSimulated, Self.info(response.headers).simulated == true { throw SimulatedReplyError() }
        var parser = SSEParser()
        var text = ""
        var done = false
        for try await chunk in response.body {
            for event in chunk.withUnsafeReadableBytes({ parser.feed($0) }) {
                if event.data == "[DONE]" {
                    done = true
                    continue
                }
                guard let object = try? Self.jsonObject(Array(event.data.utf8)) else { continue }
                if let error = object["error"] as? [String: Any] {
                    throw GatewayCallError(status: 200, message: (error["message"] as? String) ?? "stream error")
                }
                for choice in (object["choices"] as? [[String: Any]]) ?? [] {
                    if let delta = (choice["delta"] as? [String: Any])?["content"] as? String, !delta.isEmpty {
                        text += delta
                        await onDelta(delta)
                    }
                }
            }
        }
        guard done else { throw GatewayCallError(status: 200, message: "the stream ended before [DONE]") }
        return (text, Self.info(response.headers))
    }

    private func send(
        model: String, messages: [PromptMessage], tag: String, jsonMode: Bool, maxTokens: Int?, stream: Bool, timeout: Duration
    ) async throws -> HTTPClientResponse {
        var body: [String: Any] = [
            "model": model,
            "messages": messages.map { ["role": $0.role, "content": $0.content] },
            "temperature": 0,
            "stream": stream,
        ]
        if jsonMode { body["response_format"] = ["type": "json_object"] }
        if let maxTokens { body["max_tokens"] = maxTokens }
        var request = HTTPClientRequest(url: baseURL + "/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "x-request-tag", value: tag)
        if let apiKey { request.headers.add(name: "authorization", value: "Bearer \(apiKey)") }
        let milliseconds = max(Int(timeout.milliseconds), 1)
        request.headers.add(name: "x-gateway-timeout-ms", value: String(milliseconds))
        request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        do {
            return try await client.execute(request, timeout: .milliseconds(Int64(milliseconds) + 250))
        } catch let error as HTTPClientError {
            throw GatewayCallError(status: nil, message: String(describing: error))
        }
    }

    /// A JSON object from the gateway, after the size and depth check.
    static func jsonObject(_ bytes: [UInt8]) throws -> [String: Any]? {
        try JSONParser.checkBounds(bytes, limits: .document)
        return try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    }

    static func error(status: UInt, body: ByteBuffer) -> GatewayCallError {
        let object = try? Self.jsonObject(Array(buffer: body))
        let message = (object?["error"] as? [String: Any])?["message"] as? String
        return GatewayCallError(status: Int(status), message: message ?? String(buffer: body))
    }

    static func info(_ headers: HTTPHeaders) -> GatewayCallInfo {
        GatewayCallInfo(
            provider: headers.first(name: "x-gateway-provider"),
            model: headers.first(name: "x-gateway-model"),
            attempts: headers.first(name: "x-gateway-attempts").flatMap { Int($0) },
            overheadMs: headers.first(name: "x-gateway-overhead-ms").flatMap { Double($0) },
            upstreamServiceMs: headers.first(name: "x-gateway-upstream-service-ms").flatMap { Double($0) },
            cache: headers.first(name: "x-gateway-cache"),
            simulated: headers.first(name: "x-gateway-simulated").map { $0.lowercased() == "true" })
    }
}

import NIOFoundationCompat
import NIOHTTP1
