import GatewayCore
import NIOHTTP1
import Testing

@testable import GatewayProviders

@Suite("OpenAI response mapping")
struct OpenAIResponseMappingTests {
    static let completion = """
        {
          "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
          "object": "chat.completion",
          "created": 1741569952,
          "model": "gpt-4o-2024-08-06",
          "choices": [
            {
              "index": 0,
              "message": {"role": "assistant", "content": "Hello! How can I assist you today?", "refusal": null, "annotations": []},
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0}
          },
          "service_tier": "default",
          "system_fingerprint": "fp_6ec83003ad"
        }
        """

    static let toolCallCompletion = """
        {
          "id": "chatcmpl-abc123", "object": "chat.completion", "created": 1699896916, "model": "gpt-4o-mini",
          "choices": [{
            "index": 0,
            "message": {
              "role": "assistant", "content": null,
              "tool_calls": [{"id": "call_abc123", "type": "function",
                              "function": {"name": "get_current_weather", "arguments": "{\\n\\"location\\": \\"Boston, MA\\"\\n}"}}]
            },
            "logprobs": null, "finish_reason": "tool_calls"
          }],
          "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99}
        }
        """

    @Test("a chat.completion becomes the canonical answer")
    func textAnswer() throws {
        let response = try OpenAIResponseMapping.response(from: buffer(Self.completion), model: "gpt-4o")
        #expect(response.id == "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
        #expect(response.model == "gpt-4o-2024-08-06")
        #expect(response.text == "Hello! How can I assist you today?")
        #expect(response.finishReason == .stop)
        #expect(response.usage == Usage(inputTokens: 19, outputTokens: 10, cachedInputTokens: 0, reasoningTokens: 0))
        #expect(response.toolCalls.isEmpty)
    }

    @Test("tool calls and finish_reason tool_calls")
    func toolCalls() throws {
        let response = try OpenAIResponseMapping.response(from: buffer(Self.toolCallCompletion), model: "m")
        #expect(response.text == "")
        #expect(response.finishReason == .toolCalls)
        #expect(response.toolCalls == [ToolCall(id: "call_abc123", name: "get_current_weather", arguments: "{\n\"location\": \"Boston, MA\"\n}")])
    }

    @Test("finish reasons", arguments: [
        ("stop", FinishReason.stop), ("length", .length), ("tool_calls", .toolCalls),
        ("function_call", .toolCalls), ("content_filter", .contentFilter),
    ])
    func finishReasons(raw: String, expected: FinishReason) {
        #expect(OpenAIResponseMapping.finishReason(raw) == expected)
    }

    @Test("a 2xx body that is not a completion is malformed")
    func malformed() {
        for body in ["<html>", #"{"object":"list"}"#, #"{"choices":[]}"#] {
            #expect(throws: UpstreamError.self) { try OpenAIResponseMapping.response(from: buffer(body), model: "m") }
            do {
                _ = try OpenAIResponseMapping.response(from: buffer(body), model: "m")
            } catch {
                #expect(error.kind == "malformed_response")
            }
        }
    }

    @Test("error bodies map to the right case with the vendor's message")
    func errorBodies() {
        let rateLimit = #"{"error":{"message":"Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM): Limit 30000, Used 30000.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#
        let error = ProviderHTTP.upstreamError(status: 429, headers: ["retry-after": "20"], body: buffer(rateLimit), key: nil)
        guard case .rateLimited(let retryAfter, let message) = error else {
            Issue.record("expected rateLimited, got \(error)")
            return
        }
        #expect(retryAfter == .seconds(20))
        #expect(message.hasPrefix("Rate limit reached for gpt-4o"))

        let auth = #"{"error":{"message":"Incorrect API key provided: sk-secret123. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        let rejected = ProviderHTTP.upstreamError(status: 401, headers: [:], body: buffer(auth), key: APIKey("sk-secret123"))
        #expect(rejected.kind == "rejected")
        #expect(!rejected.message.contains("sk-secret123"))
        #expect(rejected.message.contains("Incorrect API key provided: <redacted>"))

        let server = ProviderHTTP.upstreamError(status: 500, headers: [:], body: buffer(#"{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}"#), key: nil)
        #expect(server == .serverError(status: 500, message: "The server had an error while processing your request."))
        let unavailable = ProviderHTTP.upstreamError(status: 503, headers: [:], body: buffer("upstream connect error"), key: nil)
        #expect(unavailable == .overloaded(status: 503, message: "upstream connect error"))
    }
}
