import GatewayCore
import NIOCore
import Testing

@testable import GatewayProviders

/// `n > 1` on the OpenAI wire: every choice decoded in index order (JSON and stream), the
/// ingress encoders writing each choice with its index, and `n` sent upstream.
@Suite("OpenAI choices (n > 1)")
struct OpenAIChoicesTests {
    @Test func aCompletionKeepsEveryChoiceInIndexOrder() throws {
        let body = #"{"id":"c","model":"m","choices":[{"index":1,"message":{"content":"second"},"finish_reason":"length"},{"index":0,"message":{"content":"first"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":8}}"#
        let response = try OpenAIResponseMapping.response(from: ByteBuffer(string: body), model: "m")
        #expect(response.text == "first" && response.finishReason == .stop)
        #expect(response.otherChoices == [ChatChoice(text: "second", finishReason: .length)])
        let encoded = String(buffer: OpenAIIngress.encodeResponse(response, model: "alias", created: 1))
        #expect(encoded.contains(#"{"index":0,"message":{"role":"assistant","content":"first"}"#), "\(encoded)")
        #expect(encoded.contains(#"{"index":1,"message":{"role":"assistant","content":"second"},"logprobs":null,"finish_reason":"length"}"#), "\(encoded)")
    }

    @Test func streamChunksOfLaterChoicesCarryTheirIndex() async throws {
        let sse = """
            data: {"choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}

            data: {"choices":[{"index":1,"delta":{},"finish_reason":"stop"}]}

            data: [DONE]


            """
        let events = try await streamEvents(sse, decoder: OpenAIStreamDecoder(), chunkSize: 7)
        #expect(events == [.textDelta("a"), .otherChoice(index: 1, .textDelta("b")), .otherChoice(index: 1, .finished(.stop))])
        var accumulator = StreamAccumulator()
        events.forEach { accumulator.apply($0) }
        let response = accumulator.response(id: "x", model: "m")
        #expect(response.text == "a" && response.otherChoices == [ChatChoice(text: "b", finishReason: .stop)])
        let encoder = OpenAIChunkEncoder(id: "x", model: "m", created: 1, choices: 2)
        let frame = String(buffer: try #require(encoder.encode(events[1], includeUsage: false)))
        #expect(frame.contains(#"[{"index":1,"delta":{"content":"b"},"finish_reason":null}]"#), "\(frame)")
        let roles = String(buffer: encoder.roleChunk())
        #expect(roles.components(separatedBy: "\"role\":\"assistant\"").count == 3, "one role chunk per choice")
    }

    @Test func nGoesUpstreamOnlyWhenAboveOne() throws {
        let request = ChatRequest(model: "a", messages: [ChatMessage(role: .user, text: "hi")], n: 3)
        let wire = OpenAIRequestMapping.wireRequest(request, model: "gpt", dialect: .openai, stream: false)
        #expect(wire.n == 3)
        #expect(FieldSupport.refused(in: request, by: .anthropic) == ["n"], "an adapter without n never answers one choice")
        #expect(FieldSupport.refused(in: request, by: .openai).isEmpty)
    }
}
