import Foundation
import GatewayCore
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

@testable import GatewayProviders

/// A buffer holding `text` as UTF-8.
func buffer(_ text: String) -> ByteBuffer {
    ByteBuffer(string: text)
}

/// Parses a JSON object out of a buffer (failing the test if it is not one).
func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed])
    return try #require(value as? [String: Any])
}

/// Encodes a wire request the way providers do and parses it back as a JSON object.
func wireJSON(_ value: some Encodable) throws -> [String: Any] {
    try jsonObject(ProviderHTTP.encodeJSON(value))
}

/// Chunk sizes that cut SSE text everywhere: inside `data:`, inside UTF-8 sequences, at
/// line ends, and not at all.
let awkwardChunkings = [1, 2, 3, 7, 13, 64, 1 << 20]

/// `text` split into buffers of `size` bytes (the last may be shorter).
func chunks(_ text: String, size: Int) -> [ByteBuffer] {
    let bytes = Array(text.utf8)
    return stride(from: 0, to: bytes.count, by: size).map { start in
        ByteBuffer(bytes: bytes[start..<min(start + size, bytes.count)])
    }
}

/// Runs SSE text through ``UpstreamEventStream`` (parser + decoder) in `size`-byte chunks.
func streamEvents(_ sse: String, decoder: any StreamEventDecoder, chunkSize size: Int) async throws -> [StreamEvent] {
    let stream = UpstreamEventStream(body: TransportBody(buffers: chunks(sse, size: size)), decoder: decoder, serviceTime: nil)
    var events: [StreamEvent] = []
    for try await event in stream {
        events.append(event)
    }
    return events
}

/// The error a throwing async call threw (nil if it returned).
func caughtError(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}

/// An `UpstreamCall` with a generous deadline.
func upstreamCall(_ request: ChatRequest, model: String, headers: HTTPHeaders = [:]) -> UpstreamCall {
    UpstreamCall(request: request, model: model, forwardedHeaders: headers, deadline: .now() + .seconds(30))
}

/// Remembers the requests a ``FakeTransport`` saw.
actor RequestLog {
    private(set) var requests: [TransportRequest] = []

    func append(_ request: TransportRequest) {
        requests.append(request)
    }
}

/// An in-memory transport: records each request and answers with `reply`.
struct FakeTransport: HTTPTransport {
    let log = RequestLog()
    let reply: @Sendable (TransportRequest) async throws -> TransportResponse

    init(reply: @escaping @Sendable (TransportRequest) async throws -> TransportResponse) {
        self.reply = reply
    }

    /// Always answers `status` with `body` in one buffer.
    init(status: Int, headers: HTTPHeaders = [:], body: String) {
        self.init { _ in
            TransportResponse(status: status, headers: headers, body: TransportBody(buffers: [ByteBuffer(string: body)]))
        }
    }

    func execute(_ request: TransportRequest, deadline: NIODeadline) async throws -> TransportResponse {
        await log.append(request)
        return try await reply(request)
    }

    /// The only request seen.
    func lastRequest() async throws -> TransportRequest {
        try #require(await log.requests.last)
    }
}

/// A request exercising every canonical field.
let fullRequest = ChatRequest(
    model: "alias",
    messages: [
        ChatMessage(role: .system, text: "Be brief."),
        ChatMessage(role: .system, text: "Answer in English."),
        ChatMessage(role: .user, parts: [.text("What is in this image?"), .imageURL("https://example.com/cat.png")]),
        ChatMessage(role: .assistant, parts: [], toolCalls: [ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Paris"}"#)]),
        ChatMessage(role: .tool, parts: [.text(#"{"temp":21}"#)], toolCallID: "call_1"),
        ChatMessage(role: .user, text: "And tomorrow?"),
    ],
    temperature: 0.5,
    topP: 0.9,
    maxTokens: 200,
    stop: ["END", "STOP"],
    responseFormat: .jsonObject,
    user: "user-42",
    tools: [ToolDefinition(
        name: "get_weather",
        description: "Weather for a city",
        parameters: .object(["type": .string("object"), "properties": .object(["city": .object(["type": .string("string")])])])
    )],
    toolChoice: .auto
)
