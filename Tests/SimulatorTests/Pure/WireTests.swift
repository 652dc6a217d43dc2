import Foundation
import Testing

@testable import Simulator

@Suite("Wire formats (pure)")
struct WireTests {
    private func reply(_ text: String, truncated: Bool = false) -> WireReply {
        var answer = SimAnswer(raw: text, forcedTokens: nil, maxTokens: nil, tokensPerChunk: 2)
        answer.truncated = truncated
        return WireReply(number: 7, model: "m\"x", created: 1, answer: answer, inputTokens: 3, includeUsage: true)
    }

    private let plan = LatencyPlan(ttftMs: 10, prefillMs: 0, decodeMsPerToken: 1, outputTokens: 5, tokensPerChunk: 2)

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonEscapingRoundTrips() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} émoji 🎉"
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.quoted(tricky).utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == tricky)
        #expect(JSONText.millis(12.3456) == "12.346")
        #expect(JSONText.millis(0) == "0.000")
        #expect(JSONText.millis(1000.05) == "1000.050")
    }

    @Test func headFirstSendsTheOpeningEventBeforeTheFirstToken() {
        var early = plan
        early.headFirst = true
        for format in [WireFormat.openAI, .anthropic] {
            let events = format.streamEvents(reply("echo: a b c"), plan: early)
            #expect(events.first?.atMs == 0, "head and opening event at once")
            #expect(events.dropFirst().allSatisfy { $0.atMs >= plan.firstByteMs }, "content still waits for the first token")
            #expect(format.streamEvents(reply("echo: a b c"), plan: plan).first?.atMs == plan.firstByteMs)
        }
    }

    @Test func everyBodyAndEventIsValidJSON() throws {
        for format in [WireFormat.openAI, .anthropic, .gemini] {
            let body = try object(format.body(reply("echo: a \"b\" c")))
            #expect(!body.isEmpty)
            let events = format.streamEvents(reply("echo: a b c"), plan: plan)
            #expect(events.map(\.atMs) == events.map(\.atMs).sorted())
            #expect(events.last?.atMs == plan.serviceMs)
            for event in parseSSE(events.map(\.text).joined()) where event.data != "[DONE]" {
                _ = try object(event.data)
            }
            for kind in [WireErrorKind.rateLimit, .server, .overloaded, .badRequest, .notFound] {
                _ = try object(format.error(kind, message: "m").body)
            }
        }
    }

    @Test func finishReasonsFollowTruncation() throws {
        let openAI = try object(OpenAIWire.body(reply("x", truncated: true)))
        let choice = try #require((openAI["choices"] as? [[String: Any]])?.first)
        #expect(choice["finish_reason"] as? String == "length")
        #expect(try object(AnthropicWire.body(reply("x", truncated: true)))["stop_reason"] as? String == "max_tokens")
        let gemini = try object(GeminiWire.body(reply("x", truncated: true)))
        #expect((gemini["candidates"] as? [[String: Any]])?.first?["finishReason"] as? String == "MAX_TOKENS")
    }

    @Test func errorStatusesPerFormat() {
        #expect(AnthropicWire.error(.overloaded, message: "").status == 529)
        #expect(GeminiWire.error(.overloaded, message: "").status == 503)
        #expect(GeminiWire.error(.rateLimit, message: "").body.contains("RESOURCE_EXHAUSTED"))
        #expect(OpenAIWire.error(.rateLimit, message: "").status == 429)
    }

    @Test func routes() {
        #expect(SimRoute(method: .POST, uri: "/v1/chat/completions") == .generate(.openAI, pathModel: nil, pathStream: false))
        #expect(SimRoute(method: .POST, uri: "/v1/messages") == .generate(.anthropic, pathModel: nil, pathStream: false))
        #expect(
            SimRoute(method: .POST, uri: "/v1beta/models/gemini-x:streamGenerateContent?alt=sse&key=k")
                == .generate(.gemini, pathModel: "gemini-x", pathStream: true))
        #expect(SimRoute(method: .POST, uri: "/v1beta/models/g:generateContent") == .generate(.gemini, pathModel: "g", pathStream: false))
        #expect(SimRoute(method: .POST, uri: "/v1beta/models/g:embed") == .notFound(.gemini))
        #expect(SimRoute(method: .GET, uri: "/v1/chat/completions") == .notFound(.openAI))
        #expect(SimRoute(method: .GET, uri: "/health") == .health)
    }

    @Test func requestParsingFindsTheLastUserMessageAndLimits() throws {
        let body: [String: Any] = [
            "model": "m", "max_tokens": 5, "stream": true, "system": [["type": "text", "text": "be brief"]],
            "messages": [
                ["role": "user", "content": "first"], ["role": "assistant", "content": "ok"],
                ["role": "user", "content": [["type": "text", "text": "second"]]],
            ],
        ]
        let bytes = Array(try JSONSerialization.data(withJSONObject: body))
        let request = try SimRequest.parse(bytes, format: .anthropic, pathModel: nil, pathStream: false)
        #expect(request.lastUserMessage == "second" && request.maxTokens == 5 && request.stream)
        #expect(request.inputBytes == "be brief".utf8.count + 5 + 2 + 6)
        #expect(throws: SimRequestError.self) {
            try SimRequest.parse(Array("{nope".utf8), format: .openAI, pathModel: nil, pathStream: false)
        }
    }
}
