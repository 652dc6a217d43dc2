import Foundation
import Testing

@testable import Simulator

@Suite("OpenAI wire format over loopback")
struct OpenAILoopbackTests {
    @Test func jsonAnswerEchoesWithUsageAndTimingHeaders() async throws {
        try await withSim(try zeroProfile()) { server in
            let response = try await send(
                server, "/v1/chat/completions", json: openAIBody("Hello there"),
                headers: [("authorization", "Bearer k"), ("x-request-tag", "capture")])
            #expect(response.status == 200)
            #expect(response.headers.first(name: "x-sim-service-ms") == "0.000")
            #expect(response.headers.first(name: "x-sim-ttft-ms") != nil)
            #expect(response.headers.first(name: "x-sim-request-id") == "sim-1")
            let json = try response.json()
            #expect(json["object"] as? String == "chat.completion")
            #expect((json["id"] as? String)?.hasPrefix("chatcmpl-sim-") == true)
            let choice = try #require((json["choices"] as? [[String: Any]])?.first)
            #expect((choice["message"] as? [String: Any])?["content"] as? String == "echo: Hello there")
            #expect(choice["finish_reason"] as? String == "stop")
            let usage = try #require(json["usage"] as? [String: Any]).compactMapValues { $0 as? Int }
            #expect(usage["completion_tokens"] == 4)
            #expect(usage["total_tokens"] == usage["prompt_tokens"]! + 4)
            let record = try #require(server.stats().recent.last)
            #expect(record.hadCredentials && record.tag == "capture" && record.outcome == "completed")
            #expect(server.stats().byTag == ["capture": 1])
        }
    }

    @Test func streamSendsRoleContentFinishUsageAndDone() async throws {
        try await withSim(try zeroProfile()) { server in
            let body = openAIBody("stream me please, now", stream: true, extra: ["stream_options": ["include_usage": true]])
            let response = try await sendStreaming(server, "/v1/chat/completions", json: body)
            #expect(response.error == nil)
            #expect(response.headers.first(name: "content-type") == "text/event-stream")
            let events = parseSSE(response.body)
            #expect(events.last?.data == "[DONE]")
            let chunks = try events.dropLast().map { try $0.json() }
            #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
            let deltas = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any] }
            #expect(deltas.first?["role"] as? String == "assistant")
            let text = deltas.compactMap { $0["content"] as? String }.joined()
            #expect(text == "echo: stream me please, now")
            let finish = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String }
            #expect(finish == ["stop"])
            let usageChunk = try #require(chunks.last)
            #expect((usageChunk["choices"] as? [Any])?.isEmpty == true)
            #expect((usageChunk["usage"] as? [String: Any])?["completion_tokens"] as? Int == SimTokenizer.tokens(text).count)
            #expect(deltas.count > 3, "content arrives in several chunks")
        }
    }

    @Test func maxTokensTruncatesWithLengthFinish() async throws {
        try await withSim(try zeroProfile()) { server in
            let response = try await send(
                server, "/v1/chat/completions", json: openAIBody("one two three four five", extra: ["max_tokens": 3]))
            let choice = try #require((try response.json()["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "length")
            #expect((choice["message"] as? [String: Any])?["content"] as? String == "echo: one")
        }
    }

    @Test func jsonModeAnswersAJSONObjectAndOutputTokensPad() async throws {
        try await withSim(try zeroProfile()) { server in
            let body = openAIBody("say \"hi\"", extra: ["response_format": ["type": "json_object"]])
            let response = try await send(server, "/v1/chat/completions", json: body)
            let choice = try #require((try response.json()["choices"] as? [[String: Any]])?.first)
            let content = try #require((choice["message"] as? [String: Any])?["content"] as? String)
            let object = try JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: String]
            #expect(object == ["echo": "say \"hi\""])

            let long = try await send(
                server, "/v1/chat/completions", json: openAIBody("hi"), headers: [("x-sim-output-tokens", "40")])
            #expect((try long.json()["usage"] as? [String: Any])?["completion_tokens"] as? Int == 40)
        }
    }

    @Test func modelsHealthStatsNotFoundAndBadJSON() async throws {
        try await withSim(try #require(SimProfile.builtin(named: "zero"))) { server in
            let models = try await send(server, "/v1/models", method: .GET)
            let ids = (try models.json()["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["sim-large", "sim-small"])
            #expect(try await send(server, "/health", method: .GET).status == 200)

            let missing = try await send(server, "/v1/nothing", json: [:])
            #expect(missing.status == 404)
            #expect((try missing.json()["error"] as? [String: Any])?["message"] != nil)

            let bad = try await send(server, "/v1/chat/completions", rawBody: "{not json")
            #expect(bad.status == 400)
            #expect((try bad.json()["error"] as? [String: Any])?["type"] as? String == "invalid_request_error")

            let stats = try await send(server, "/sim/stats", method: .GET)
            let decoded = try JSONDecoder().decode(SimStats.self, from: Data(stats.body.utf8))
            #expect(decoded.requests == 1 && decoded.recent.first?.outcome == "rejected")
            #expect(decoded.recent.first?.hadCredentials == false)
        }
    }
}
