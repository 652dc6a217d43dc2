import Foundation
import GatewayTesting
import Testing

/// SPEC §3.3: `POST /v1/messages` speaks Anthropic's Messages API through the same
/// aliases, strategies and caches as Chat Completions.
@Suite("Anthropic Messages ingress over loopback", .timeLimit(.minutes(2)))
struct MessagesIngressTests {
    static func body(model: String, message: String, stream: Bool = false, extra: String = "") -> String {
        #"{"model":"\#(model)","max_tokens":256,"messages":[{"role":"user","content":"\#(message)"}],"stream":\#(stream)\#(extra)}"#
    }

    @Test(arguments: ["openai-model", "anthropic-model", "gemini-model"])
    func aMessageComesBackInAnthropicsShape(model: String) async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post("/v1/messages", body: Self.body(model: model, message: "hi there", extra: #","system":"Be brief.""#))
            #expect(reply.status == 200, "\(reply.body)")
            let object = try jsonObject(reply.body)
            #expect(object["type"] as? String == "message")
            #expect(object["role"] as? String == "assistant")
            #expect((object["id"] as? String)?.hasPrefix("msg_") == true)
            #expect(object["stop_reason"] as? String == "end_turn")
            let content = try #require(object["content"] as? [[String: Any]])
            #expect(content.first?["type"] as? String == "text")
            #expect(content.first?["text"] as? String == "echo: hi there")
            let usage = try #require(object["usage"] as? [String: Any])
            #expect((usage["input_tokens"] as? Int ?? 0) > 0)
            #expect((usage["output_tokens"] as? Int ?? 0) > 0)
        }
    }

    @Test func aStreamIsAnthropicsEventSequence() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post("/v1/messages", body: Self.body(model: "openai-model", message: "stream me", stream: true))
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "content-type") == "text/event-stream")
            let events = reply.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.compactMap { frame -> (String, [String: Any])? in
                let lines = frame.components(separatedBy: "\n")
                guard let name = lines.first?.dropFirst("event: ".count), let data = lines.last?.dropFirst("data: ".count),
                    let object = try? jsonObject(String(data))
                else { return nil }
                return (String(name), object)
            }
            let names = events.map(\.0)
            #expect(names.first == "message_start")
            #expect(names.last == "message_stop")
            #expect(names.contains("content_block_start") && names.contains("content_block_stop"))
            #expect(names.dropLast().last == "message_delta")
            let text = events.filter { $0.0 == "content_block_delta" }
                .compactMap { ($0.1["delta"] as? [String: Any])?["text"] as? String }.joined()
            #expect(text == "echo: stream me")
            let delta = try #require(events.first { $0.0 == "message_delta" }?.1)
            #expect((delta["delta"] as? [String: Any])?["stop_reason"] as? String == "end_turn")
            #expect(((delta["usage"] as? [String: Any])?["output_tokens"] as? Int ?? 0) > 0)
        }
    }

    @Test func toolsAndToolResultsRoundTrip() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let tools = #","tools":[{"name":"lookup_price","description":"Price of a plan","input_schema":{"type":"object","properties":{"plan":{"type":"string"}},"required":["plan"]}}],"tool_choice":{"type":"tool","name":"lookup_price"}"#
            let reply = try await harness.post("/v1/messages", body: Self.body(model: "openai-model", message: "price of pro?", extra: tools))
            #expect(reply.status == 200, "\(reply.body)")
            let object = try jsonObject(reply.body)
            #expect(object["stop_reason"] as? String == "tool_use")
            let use = try #require((object["content"] as? [[String: Any]])?.first { $0["type"] as? String == "tool_use" })
            #expect(use["name"] as? String == "lookup_price")
            #expect((use["input"] as? [String: Any])?["plan"] is String)
            // The upstream (OpenAI wire) received the tool and the forced choice.
            let sent = try jsonObject(try #require(try jsonObject(harness.sim.lastRequestJSON())["body"] as? String))
            #expect(((sent["tool_choice"] as? [String: Any])?["function"] as? [String: Any])?["name"] as? String == "lookup_price")

            let followUp = #"{"model":"openai-model","max_tokens":64,"messages":[{"role":"user","content":"price of pro?"},"#
                + #"{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"lookup_price","input":{"plan":"pro"}}]},"#
                + #"{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"$49"}]}]}"#
            let second = try await harness.post("/v1/messages", body: followUp)
            #expect(second.status == 200, "\(second.body)")
            let resent = try jsonObject(try #require(try jsonObject(harness.sim.lastRequestJSON())["body"] as? String))
            let roles = (resent["messages"] as? [[String: Any]])?.map { $0["role"] as? String }
            #expect(roles == ["user", "assistant", "tool"])
        }
    }

    @Test func errorsAreAnthropicShaped() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let unknown = try await harness.post("/v1/messages", body: Self.body(model: "no-such-alias", message: "x"))
            #expect(unknown.status == 404)
            let error = try jsonObject(unknown.body)
            #expect(error["type"] as? String == "error")
            #expect((error["error"] as? [String: Any])?["type"] as? String == "not_found_error")

            let noMax = try await harness.post("/v1/messages", body: #"{"model":"openai-model","messages":[{"role":"user","content":"x"}]}"#)
            #expect(noMax.status == 400)
            #expect(noMax.body.contains("max_tokens") && noMax.body.contains("invalid_request_error"), "\(noMax.body)")

            let topK = try await harness.post("/v1/messages", body: Self.body(model: "openai-model", message: "x", extra: #","top_k":5"#))
            #expect(topK.status == 400)
            #expect(topK.body.contains("top_k"), "refused by name, not dropped")
        }
    }

    @Test func bothIngressAPIsShareTheCache() async throws {
        try await GatewayHarness.run(policy: { CachePolicies.policy($0) }) { harness in
            let chat = #"{"model":"cached","max_tokens":256,"messages":[{"role":"user","content":"cached both ways"}]}"#
            let first = try await harness.chat(chat)
            #expect(first.status == 200, "\(first.body)")
            let second = try await harness.post("/v1/messages", body: Self.body(model: "cached", message: "cached both ways"))
            #expect(second.status == 200, "\(second.body)")
            #expect(second.headers.first(name: "x-gateway-cache") == "hit-exact", "\(second.headers)")
            #expect((try jsonObject(second.body)["content"] as? [[String: Any]])?.first?["text"] as? String == "echo: cached both ways")
        }
    }
}
