@testable import GatewayProviders
import GatewayCore
import NIOCore

/// Each provider's SSE stream: the event parser, then the vendor's event decoder, then
/// the gateway's chunk encoder for the client.
enum StreamTargets {
    static let openAIStream = FuzzTarget(name: "openai-sse") { bytes in
        // Each event's one-pass chunk read answers nothing the tree read would not.
        var parser = SSEParser()
        for event in parser.feed(bytes[...]) {
            guard let plain = OpenAIWireChunk.plain(event.data, limits: WireJSON.limits) else { continue }
            let tree = (try? WireJSON.value(fromText: event.data)).flatMap { try? OpenAIWireChunk(json: $0) }
            precondition(plain == tree, "the plain chunk read differs from the tree read")
        }
        run(OpenAIStreamDecoder(), bytes)
    }

    static let anthropicStream = FuzzTarget(name: "anthropic-sse") { bytes in
        run(AnthropicStreamDecoder(), bytes)
    }

    static let geminiStream = FuzzTarget(name: "gemini-sse") { bytes in
        run(GeminiStreamDecoder(), bytes)
    }

    /// The input's length picks a chunking (an SSE body arrives in arbitrary pieces; the
    /// corpus stays plain SSE); the events must be the same as when fed at once. A
    /// decoder error ends the stream, as it does in `UpstreamEventStream`.
    static func run(_ decoder: some StreamEventDecoder, _ bytes: UnsafeRawBufferPointer) {
        let body = bytes[...]
        let piece = bytes.count % 13 + 1
        var whole = SSEParser()
        let expected = whole.feed(body)
        var chunked = SSEParser()
        var events: [SSEEvent] = []
        var start = body.startIndex
        while start < body.endIndex {
            let end = min(start + piece, body.endIndex)
            events += chunked.feed(body[start..<end])
            start = end
        }
        precondition(events == expected, "SSE events depend on the chunking")

        var decoder = decoder
        let encoder = OpenAIChunkEncoder(id: "id", model: "m", created: 0)
        for event in events {
            let decoded: [StreamEvent]
            do {
                decoded = try decoder.decode(event)
            } catch {
                _ = "\(error)"
                JSONCheck.isSSEOfJSON(encoder.errorEvent(message: "\(error)", type: "upstream_error", code: "upstream"), "error event")
                return
            }
            for output in decoded {
                if let chunk = encoder.encode(output, includeUsage: true) {
                    JSONCheck.isSSEOfJSON(chunk, "chunk")
                }
            }
            if decoder.isComplete { return }
        }
    }
}
