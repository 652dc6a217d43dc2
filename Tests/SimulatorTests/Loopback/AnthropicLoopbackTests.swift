import Foundation
import Testing

@testable import Simulator

@Suite("Anthropic wire format over loopback")
struct AnthropicLoopbackTests {
    private func body(_ message: String, stream: Bool = false, maxTokens: Int = 256) -> [String: Any] {
        [
            "model": "claude-sim", "max_tokens": maxTokens, "stream": stream, "system": "be brief",
            "messages": [["role": "user", "content": [["type": "text", "text": message]]]],
        ]
    }

    @Test func jsonMessage() async throws {
        try await withSim(try zeroProfile()) { server in
            let response = try await send(server, "/v1/messages", json: body("Hi Claude"), headers: [("x-api-key", "k")])
            #expect(response.status == 200)
            #expect(response.headers.first(name: "x-sim-service-ms") != nil)
            let json = try response.json()
            #expect(json["type"] as? String == "message")
            #expect((json["id"] as? String)?.hasPrefix("msg_sim_") == true)
            #expect((json["content"] as? [[String: Any]])?.first?["text"] as? String == "echo: Hi Claude")
            #expect(json["stop_reason"] as? String == "end_turn")
            #expect(json["stop_sequence"] is NSNull)
            let usage = try #require(json["usage"] as? [String: Int])
            #expect(usage["output_tokens"] == 4 && (usage["input_tokens"] ?? 0) > 0)
            #expect(server.stats().recent.last?.hadCredentials == true)
        }
    }

    @Test func streamFollowsTheEventSequence() async throws {
        try await withSim(try zeroProfile()) { server in
            let response = try await sendStreaming(server, "/v1/messages", json: body("tell me a longer story please", stream: true))
            #expect(response.error == nil)
            let events = parseSSE(response.body)
            let names = events.compactMap(\.event)
            #expect(names.count == events.count)
            #expect(Array(names.prefix(3)) == ["message_start", "content_block_start", "ping"])
            #expect(Array(names.suffix(3)) == ["content_block_stop", "message_delta", "message_stop"])
            #expect(names.dropFirst(3).dropLast(3).allSatisfy { $0 == "content_block_delta" })
            let start = try events[0].json()
            let usage = (start["message"] as? [String: Any])?["usage"] as? [String: Int]
            #expect(usage?["output_tokens"] == 1 && (usage?["input_tokens"] ?? 0) > 0)
            let text = try events.filter { $0.event == "content_block_delta" }
                .compactMap { (try $0.json()["delta"] as? [String: Any])?["text"] as? String }.joined()
            #expect(text == "echo: tell me a longer story please")
            let delta = try events[events.count - 2].json()
            #expect((delta["delta"] as? [String: Any])?["stop_reason"] as? String == "end_turn")
            #expect((delta["usage"] as? [String: Int])?["output_tokens"] == SimTokenizer.tokens(text).count)
        }
    }

    @Test func maxTokensAndErrorsInAnthropicShape() async throws {
        try await withSim(try zeroProfile()) { server in
            let short = try await send(server, "/v1/messages", json: body("a b c d e", maxTokens: 2))
            #expect(try short.json()["stop_reason"] as? String == "max_tokens")

            let overloaded = try await send(server, "/v1/messages", json: body("x"), headers: [("x-sim-fault", "529")])
            #expect(overloaded.status == 529)
            let error = try overloaded.json()
            #expect(error["type"] as? String == "error")
            #expect((error["error"] as? [String: Any])?["type"] as? String == "overloaded_error")

            let bad = try await send(server, "/v1/messages", rawBody: "[]")
            #expect(bad.status == 400)
            #expect((try bad.json()["error"] as? [String: Any])?["type"] as? String == "invalid_request_error")
        }
    }
}
