import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("Anthropic stream decoding")
struct AnthropicStreamDecoderTests {
    static let stream = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":2}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay, let's check "}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"the weather — ☀️"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\":"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \\"San Francisco, CA\\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

        event: message_stop
        data: {"type":"message_stop"}


        """

    @Test("text, tool use, stop reason and usage, in any chunking", arguments: awkwardChunkings)
    func fullStream(chunkSize: Int) async throws {
        let events = try await streamEvents(Self.stream, decoder: AnthropicStreamDecoder(), chunkSize: chunkSize)
        #expect(events == [
            .textDelta("Okay, let's check "),
            .textDelta("the weather — ☀️"),
            .toolCallDelta(ToolCallDelta(index: 0, id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather", argumentsFragment: "")),
            .toolCallDelta(ToolCallDelta(index: 0, argumentsFragment: "{\"location\":")),
            .toolCallDelta(ToolCallDelta(index: 0, argumentsFragment: " \"San Francisco, CA\"}")),
            .finished(.toolCalls),
            .usage(Usage(inputTokens: 472, outputTokens: 89)),
        ])
        var accumulator = StreamAccumulator()
        events.forEach { accumulator.apply($0) }
        #expect(accumulator.toolCalls.first?.arguments == #"{"location": "San Francisco, CA"}"#)
    }

    @Test("a stream without message_stop is interrupted")
    func cut() async {
        let cut = String(Self.stream[..<Self.stream.range(of: "event: message_delta")!.lowerBound])
        let error = await caughtError { _ = try await streamEvents(cut, decoder: AnthropicStreamDecoder(), chunkSize: 11) }
        #expect((error as? UpstreamError)?.kind == "stream_interrupted")
    }

    @Test("event: error throws; overloaded_error is a 529")
    func errorEvent() async {
        let stream = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude","usage":{"input_tokens":5,"output_tokens":1}}}

            event: error
            data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


            """
        let error = await caughtError { _ = try await streamEvents(stream, decoder: AnthropicStreamDecoder(), chunkSize: 4) }
        #expect(error as? UpstreamError == .overloaded(status: 529, message: "Overloaded"))

        var decoder = AnthropicStreamDecoder()
        #expect(throws: UpstreamError.serverError(status: 500, message: "Internal server error")) {
            _ = try decoder.decode(SSEEvent(event: "error", data: #"{"type":"error","error":{"type":"api_error","message":"Internal server error"}}"#))
        }
    }
}
