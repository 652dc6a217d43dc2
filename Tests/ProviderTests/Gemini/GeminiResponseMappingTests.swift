import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("Gemini response mapping")
struct GeminiResponseMappingTests {
    static let answer = """
        {
          "candidates": [
            {
              "content": {"parts": [{"text": "AI learns patterns "}, {"text": "from data."}], "role": "model"},
              "finishReason": "STOP",
              "avgLogprobs": -0.1429,
              "safetyRatings": [{"category": "HARM_CATEGORY_HATE_SPEECH", "probability": "NEGLIGIBLE"}]
            }
          ],
          "usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 8, "totalTokenCount": 12,
                            "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 4}]},
          "modelVersion": "gemini-2.0-flash",
          "responseId": "xJ1aaJqQJ5SX1MkP8Ky20A4"
        }
        """

    static let functionCall = """
        {
          "candidates": [{
            "content": {"role": "model", "parts": [
              {"text": "thinking out loud", "thought": true},
              {"functionCall": {"name": "set_light", "args": {"brightness": 25, "color_temp": "warm"}}}
            ]},
            "finishReason": "STOP", "index": 0
          }],
          "usageMetadata": {"promptTokenCount": 120, "candidatesTokenCount": 10, "thoughtsTokenCount": 5, "totalTokenCount": 135}
        }
        """

    @Test("a GenerateContentResponse becomes the canonical answer")
    func textAnswer() throws {
        let response = try GeminiResponseMapping.response(from: buffer(Self.answer), model: "gemini")
        #expect(response.id == "xJ1aaJqQJ5SX1MkP8Ky20A4")
        #expect(response.model == "gemini-2.0-flash")
        #expect(response.text == "AI learns patterns from data.")
        #expect(response.finishReason == .stop)
        #expect(response.usage == Usage(inputTokens: 4, outputTokens: 8))
    }

    @Test("function calls become tool calls; thoughts are skipped")
    func functionCalls() throws {
        let response = try GeminiResponseMapping.response(from: buffer(Self.functionCall), model: "gemini")
        #expect(response.text == "")
        #expect(response.finishReason == .toolCalls)
        let call = try #require(response.toolCalls.first)
        #expect(call.name == "set_light")
        #expect(call.arguments == #"{"brightness":25,"color_temp":"warm"}"#)
        #expect(call.id.hasPrefix("call_"))
        #expect(response.usage == Usage(inputTokens: 120, outputTokens: 15, reasoningTokens: 5))
    }

    @Test("finish reasons", arguments: [
        ("STOP", FinishReason.stop), ("MAX_TOKENS", .length), ("SAFETY", .contentFilter), ("RECITATION", .contentFilter),
        ("BLOCKLIST", .contentFilter), ("PROHIBITED_CONTENT", .contentFilter), ("SPII", .contentFilter), ("OTHER", .stop),
    ])
    func finishReasons(raw: String, expected: FinishReason) {
        #expect(GeminiResponseMapping.finishReason(raw, sawToolCall: false) == expected)
    }

    @Test("a blocked prompt is a content-filtered answer; no candidates otherwise is malformed")
    func blocked() throws {
        let blocked = #"{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":7,"totalTokenCount":7}}"#
        let response = try GeminiResponseMapping.response(from: buffer(blocked), model: "gemini")
        #expect(response.finishReason == .contentFilter)
        #expect(throws: UpstreamError.self) { try GeminiResponseMapping.response(from: buffer("{}"), model: "gemini") }
    }

    @Test("error bodies map to the right case")
    func errorBodies() {
        let exhausted = #"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#
        #expect(ProviderHTTP.upstreamError(status: 429, headers: ["retry-after": "3"], body: buffer(exhausted), key: nil)
            == .rateLimited(retryAfter: .seconds(3), message: "Resource has been exhausted (e.g. check quota)."))
        let unavailable = #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#
        #expect(ProviderHTTP.upstreamError(status: 503, headers: [:], body: buffer(unavailable), key: nil)
            == .overloaded(status: 503, message: "The model is overloaded. Please try again later."))
        let badKey = #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}"#
        #expect(ProviderHTTP.upstreamError(status: 400, headers: [:], body: buffer(badKey), key: nil).kind == "rejected")
    }
}
