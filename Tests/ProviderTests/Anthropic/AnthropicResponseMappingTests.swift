import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("Anthropic response mapping")
struct AnthropicResponseMappingTests {
    static let message = """
        {
          "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
          "type": "message",
          "role": "assistant",
          "model": "claude-sonnet-4-5-20250929",
          "content": [
            {"type": "text", "text": "Let me check "},
            {"type": "text", "text": "the weather."},
            {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"location": "San Francisco, CA", "unit": "celsius"}}
          ],
          "stop_reason": "tool_use",
          "stop_sequence": null,
          "usage": {"input_tokens": 2095, "output_tokens": 503, "cache_creation_input_tokens": 10, "cache_read_input_tokens": 5}
        }
        """

    @Test("a message becomes the canonical answer")
    func message() throws {
        let response = try AnthropicResponseMapping.response(from: buffer(Self.message), model: "claude")
        #expect(response.id == "msg_013Zva2CMHLNnXjNJJKqJ2EF")
        #expect(response.model == "claude-sonnet-4-5-20250929")
        #expect(response.text == "Let me check the weather.")
        #expect(response.toolCalls == [ToolCall(
            id: "toolu_01A09q90qw90lq917835lq9",
            name: "get_weather",
            arguments: #"{"location":"San Francisco, CA","unit":"celsius"}"#
        )])
        #expect(response.finishReason == .toolCalls)
        #expect(response.usage == Usage(inputTokens: 2110, outputTokens: 503, cachedInputTokens: 5))
    }

    @Test("stop reasons", arguments: [
        ("end_turn", FinishReason.stop), ("stop_sequence", .stop), ("max_tokens", .length),
        ("tool_use", .toolCalls), ("refusal", .contentFilter), ("pause_turn", .stop),
    ])
    func stopReasons(raw: String, expected: FinishReason) {
        #expect(AnthropicResponseMapping.finishReason(raw) == expected)
    }

    @Test("error bodies map to the right case")
    func errorBodies() {
        let overloaded = #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"#
        #expect(ProviderHTTP.upstreamError(status: 529, headers: [:], body: buffer(overloaded), key: nil) == .overloaded(status: 529, message: "Overloaded"))
        let limited = #"{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}"#
        let error = ProviderHTTP.upstreamError(status: 429, headers: ["Retry-After": "7"], body: buffer(limited), key: nil)
        #expect(error == .rateLimited(retryAfter: .seconds(7), message: "Number of request tokens has exceeded your per-minute rate limit"))
        let invalid = #"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}"#
        #expect(ProviderHTTP.upstreamError(status: 400, headers: [:], body: buffer(invalid), key: nil) == .rejected(status: 400, message: "max_tokens: Field required"))
    }

    @Test("a 2xx body that is not a message is malformed")
    func malformed() {
        #expect(throws: UpstreamError.self) { try AnthropicResponseMapping.response(from: buffer(#"{"type":"message"}"#), model: "m") }
    }
}
