import Foundation
import GatewayCore
import NIOCore
import NIOHTTP1
import Testing

@testable import GatewayProviders

/// The thin I/O files, against an in-memory transport: URLs, headers, error paths.
@Suite("Provider I/O over a fake transport")
struct ProviderIOTests {
    static let key = APIKey("sk-test-SECRET-0123456789")
    static let request = ChatRequest(model: "alias", messages: [ChatMessage(role: .user, text: "hi")])

    /// A minimal valid answer in each vendor's format.
    static func okBody(_ kind: ProviderKind) -> String {
        switch kind {
        case .openai, .openaiCompatible:
            #"{"id":"c","choices":[{"message":{"content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#
        case .anthropic:
            #"{"id":"m","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}"#
        case .gemini:
            #"{"candidates":[{"content":{"parts":[{"text":"ok"}]},"finishReason":"STOP"}]}"#
        }
    }

    @Test("URL, method, auth, content type and forwarded headers", arguments: ProviderKind.allCases)
    func outgoingRequest(kind: ProviderKind) async throws {
        let transport = FakeTransport(status: 200, headers: ["x-sim-service-ms": "12.5"], body: Self.okBody(kind))
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://127.0.0.1:9/", key: Self.key, transport: transport)
        let reply = try await provider.complete(upstreamCall(Self.request, model: "m-1", headers: ["x-tenant": "t1"]))
        #expect(reply.response.text == "ok")
        #expect(reply.serviceTime == .microseconds(12_500))

        let sent = try await transport.lastRequest()
        #expect(sent.method == .POST)
        #expect(sent.headers["content-type"] == ["application/json"])
        #expect(sent.headers["x-tenant"] == ["t1"])
        #expect(!sent.url.contains(Self.key.value))
        switch kind {
        case .openai, .openaiCompatible:
            #expect(sent.url == "http://127.0.0.1:9/v1/chat/completions")
            #expect(sent.headers["authorization"] == ["Bearer \(Self.key.value)"])
        case .anthropic:
            #expect(sent.url == "http://127.0.0.1:9/v1/messages")
            #expect(sent.headers["x-api-key"] == [Self.key.value])
            #expect(sent.headers["anthropic-version"] == ["2023-06-01"])
        case .gemini:
            #expect(sent.url == "http://127.0.0.1:9/v1beta/models/m-1:generateContent")
            #expect(sent.headers["x-goog-api-key"] == [Self.key.value])
        }
    }

    @Test("no key, no auth header")
    func noKey() async throws {
        let transport = FakeTransport(status: 200, body: Self.okBody(.openaiCompatible))
        let provider = ProviderRegistry.make(kind: .openaiCompatible, name: "p", baseURL: "http://h", key: nil, transport: transport)
        _ = try await provider.complete(upstreamCall(Self.request, model: "m"))
        #expect(try await transport.lastRequest().headers["authorization"].isEmpty)
    }

    @Test("non-2xx: status, Retry-After and message, key redacted", arguments: ProviderKind.allCases)
    func errorStatus(kind: ProviderKind) async {
        let body = #"{"error":{"message":"slow down, sk-test-SECRET-0123456789"}}"#
        let transport = FakeTransport(status: 429, headers: ["retry-after": "2"], body: body)
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://h", key: Self.key, transport: transport)
        let error = await caughtError { _ = try await provider.complete(upstreamCall(Self.request, model: "m")) }
        #expect(error as? UpstreamError == .rateLimited(retryAfter: .seconds(2), message: "slow down, <redacted>"))
        let streamError = await caughtError { _ = try await provider.stream(upstreamCall(Self.request, model: "m")) }
        #expect((streamError as? UpstreamError)?.kind == "rate_limited")
    }

    @Test("transport failures are connection failures without the key", arguments: ProviderKind.allCases)
    func transportFailure(kind: ProviderKind) async {
        struct Boom: Error, CustomStringConvertible {
            var description: String { "connect refused to host with key sk-test-SECRET-0123456789" }
        }
        let transport = FakeTransport { _ in throw Boom() }
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://h", key: Self.key, transport: transport)
        let error = await caughtError { _ = try await provider.complete(upstreamCall(Self.request, model: "m")) }
        let upstream = error as? UpstreamError
        #expect(upstream?.kind == "connection_failed")
        #expect(upstream.map { !$0.message.contains(Self.key.value) } == true)
        #expect(!String(describing: error as Any).contains(Self.key.value))
    }

    @Test("cancellation propagates unchanged", arguments: ProviderKind.allCases)
    func cancellation(kind: ProviderKind) async {
        let transport = FakeTransport { _ in throw CancellationError() }
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://h", key: Self.key, transport: transport)
        let error = await caughtError { _ = try await provider.complete(upstreamCall(Self.request, model: "m")) }
        #expect(error is CancellationError)
        let streamError = await caughtError { _ = try await provider.stream(upstreamCall(Self.request, model: "m")) }
        #expect(streamError is CancellationError)
    }

    @Test("an undecodable 2xx body is a malformed response", arguments: ProviderKind.allCases)
    func malformed(kind: ProviderKind) async {
        let transport = FakeTransport(status: 200, body: "<html>hello</html>")
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://h", key: nil, transport: transport)
        let error = await caughtError { _ = try await provider.complete(upstreamCall(Self.request, model: "m")) }
        #expect((error as? UpstreamError)?.kind == "malformed_response")
    }

    @Test("an error body is read only up to 64 KiB")
    func errorBodyLimit() async {
        let huge = ByteBuffer(repeating: UInt8(ascii: "x"), count: 100_000)
        let transport = FakeTransport { _ in
            TransportResponse(status: 500, headers: [:], body: TransportBody(buffers: [huge, huge, huge]))
        }
        let provider = OpenAIProvider(name: "p", baseURL: "http://h", key: nil, transport: transport)
        let error = await caughtError { _ = try await provider.complete(upstreamCall(Self.request, model: "m")) }
        #expect((error as? UpstreamError)?.kind == "server_error")
    }

    @Test("streams go to the streaming endpoint and decode lazily")
    func streaming() async throws {
        let sse = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"hi\"}]},\"finishReason\":\"STOP\"}]}\n\n"
        let transport = FakeTransport(status: 200, headers: ["x-sim-service-ms": "3"], body: sse)
        let provider = GeminiProvider(name: "g", baseURL: "http://h", key: Self.key, transport: transport)
        let stream = try await provider.stream(upstreamCall(Self.request, model: "gemini-2.0-flash"))
        #expect(stream.serviceTime == .milliseconds(3))
        var events: [StreamEvent] = []
        for try await event in stream { events.append(event) }
        #expect(events == [.textDelta("hi"), .finished(.stop)])
        let sent = try await transport.lastRequest()
        #expect(sent.url == "http://h/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse")
        #expect(sent.headers["accept"] == ["text/event-stream"])
    }

    /// An error event inside a 200 stream, in each vendor's format, echoing the key.
    static func streamErrorBody(_ kind: ProviderKind) -> String {
        let message = "invalid request for key sk-test-SECRET-0123456789"
        switch kind {
        case .openai, .openaiCompatible:
            return "data: {\"error\":{\"message\":\"\(message)\",\"type\":\"server_error\"}}\n\n"
        case .anthropic:
            return "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"\(message)\"}}\n\n"
        case .gemini:
            return "data: {\"error\":{\"code\":500,\"message\":\"\(message)\",\"status\":\"INTERNAL\"}}\n\n"
        }
    }

    /// Issue 8, finding 5: error events inside a 200 stream reached the client and the log
    /// with the key in them.
    @Test("in-stream error events are redacted", arguments: ProviderKind.allCases)
    func streamErrorRedacted(kind: ProviderKind) async throws {
        let transport = FakeTransport(status: 200, body: Self.streamErrorBody(kind))
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://h", key: Self.key, transport: transport)
        let stream = try await provider.stream(upstreamCall(Self.request, model: "m"))
        let error = await caughtError { for try await _ in stream {} }
        let message = try #require(error as? UpstreamError).message
        #expect(!message.contains(Self.key.value), "\(message)")
        #expect(!message.contains("SECRET"), "\(message)")
        #expect(message.contains("<redacted>"), "\(message)")
    }

    /// Issue 8, finding 5: a long error body was cut at 512 characters before redaction, so
    /// a key that straddled the cut survived as a prefix.
    @Test("a long error body is redacted before it is shortened", arguments: ProviderKind.allCases)
    func longErrorBodyRedactedBeforeTruncation(kind: ProviderKind) async {
        let padding = String(repeating: "x", count: 500)
        let body = padding + " sk-test-SECRET-0123456789 and more text after the key"
        let transport = FakeTransport(status: 500, body: body)
        let provider = ProviderRegistry.make(kind: kind, name: "p", baseURL: "http://h", key: Self.key, transport: transport)
        let error = await caughtError { _ = try await provider.complete(upstreamCall(Self.request, model: "m")) }
        let message = (error as? UpstreamError)?.message ?? ""
        #expect(!message.contains("sk-test-SEC"), "\(message.suffix(80))")
        #expect(message.count < 700)
    }
}
