import Foundation
import GatewayTesting
import Testing

/// Issue 13 over loopback: what the client sends reaches the provider (read back from the
/// simulator's record of the request), what a provider cannot honour is refused by name,
/// JSON on Anthropic comes back as content, and the small API details hold.
@Suite("Wire fidelity: fields reach the provider, refusals name the field", .timeLimit(.minutes(2)))
struct WireFidelityTests {
    static func upstreamBody(_ harness: GatewayHarness) throws -> [String: Any] {
        let record = try jsonObject(harness.sim.lastRequestJSON())
        return try jsonObject(try #require(record["body"] as? String))
    }

    static func upstreamHeaders(_ harness: GatewayHarness) throws -> [String: Any] {
        try #require(try jsonObject(harness.sim.lastRequestJSON())["headers"] as? [String: Any])
    }

    @Test func everyDocumentedFieldArrivesAtAnOpenAIProvider() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let extra = #","seed":7,"presence_penalty":0.5,"frequency_penalty":0.25,"logit_bias":{"42":-5},"#
                + #""logprobs":true,"top_logprobs":2,"parallel_tool_calls":false,"reasoning_effort":"low","#
                + #""metadata":{"team":"sales"},"store":false,"service_tier":"auto","#
                + #""response_format":{"type":"json_schema","json_schema":{"name":"plan","strict":true,"schema":{"type":"object","properties":{"plan":{"type":"string"}},"required":["plan"]}}},"#
                + #""vendor_knob":{"level":3}"#
            let reply = try await harness.chat(GatewayHarness.body(model: "openai-model", extra: extra))
            #expect(reply.status == 200, "\(reply.body)")
            let sent = try Self.upstreamBody(harness)
            #expect(sent["seed"] as? Int == 7)
            #expect(sent["presence_penalty"] as? Double == 0.5)
            #expect(sent["frequency_penalty"] as? Double == 0.25)
            #expect((sent["logit_bias"] as? [String: Any])?["42"] as? Int == -5)
            #expect(sent["logprobs"] as? Bool == true)
            #expect(sent["top_logprobs"] as? Int == 2)
            #expect(sent["parallel_tool_calls"] as? Bool == false)
            #expect(sent["reasoning_effort"] as? String == "low")
            #expect((sent["metadata"] as? [String: Any])?["team"] as? String == "sales")
            #expect(sent["store"] as? Bool == false)
            #expect(sent["service_tier"] as? String == "auto")
            #expect(((sent["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])?["strict"] as? Bool == true)
            #expect((sent["vendor_knob"] as? [String: Any])?["level"] as? Int == 3)
            // The simulator answers the schema with its minimal instance.
            let content = ((try jsonObject(reply.body)["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String
            #expect(try jsonObject(try #require(content))["plan"] is String)
        }
    }

    @Test func aFieldNoRouteCanHonourIsA400NamingFieldAndProvider() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let before = harness.sim.stats().requests
            let reply = try await harness.chat(GatewayHarness.body(model: "anthropic-model", extra: #","seed":7"#))
            #expect(reply.status == 400, "\(reply.body)")
            #expect(reply.body.contains("'seed'") && reply.body.contains("anthropic"), "\(reply.body)")
            #expect(harness.sim.stats().requests == before, "nothing was sent without the field")
        }
    }

    @Test func aRefusingRouteIsSkippedForOneThatCanHonourTheField() async throws {
        let models = """
              anthropic-then-openai:
                strategy: fallback
                routes:
                  - {provider: an, model: claude-sim}
                  - {provider: oa, model: gpt-sim}
            """
        try await GatewayHarness.run(policy: { TestPolicies.basic($0, extraModels: models) }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "anthropic-then-openai", extra: #","seed":7"#))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == "oa")
            #expect(try Self.upstreamBody(harness)["seed"] as? Int == 7)
        }
    }

    @Test(arguments: [false, true])
    func jsonOnAnthropicIsAForcedToolReturnedAsContent(stream: Bool) async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let format = #","response_format":{"type":"json_schema","json_schema":{"name":"plan","schema":{"type":"object","properties":{"plan":{"type":"string"}},"required":["plan"]}}}"#
            let reply = try await harness.chat(GatewayHarness.body(model: "anthropic-model", stream: stream, extra: format))
            #expect(reply.status == 200, "\(reply.body)")
            let sent = try Self.upstreamBody(harness)
            #expect((sent["tool_choice"] as? [String: Any])?["name"] as? String == "json_answer")
            #expect(sent["max_tokens"] as? Int ?? 0 >= 4096, "no 1,024-token guess")
            var content = ""
            var finish: String?
            if stream {
                for frame in reply.body.components(separatedBy: "\n\n") where frame.hasPrefix("data: {") {
                    let choice = (try jsonObject(String(frame.dropFirst(6)))["choices"] as? [[String: Any]])?.first
                    content += (choice?["delta"] as? [String: Any])?["content"] as? String ?? ""
                    finish = choice?["finish_reason"] as? String ?? finish
                }
            } else {
                let choice = (try jsonObject(reply.body)["choices"] as? [[String: Any]])?.first
                content = (choice?["message"] as? [String: Any])?["content"] as? String ?? ""
                finish = choice?["finish_reason"] as? String
            }
            #expect(try jsonObject(content)["plan"] is String, "\(content)")
            #expect(finish == "stop")
        }
    }

    @Test func requestIDsAreKeptOrMadeReturnedAndForwarded() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let mine = try await harness.chat(GatewayHarness.body(model: "openai-model"), headers: [("x-request-id", "trace-abc.123")])
            #expect(mine.headers.first(name: "x-request-id") == "trace-abc.123")
            #expect(try Self.upstreamHeaders(harness)["x-request-id"] as? String == "trace-abc.123")
            #expect(harness.logs.all.contains { $0.contains("trace-abc.123") }, "the request's log line names it")

            let made = try await harness.chat(GatewayHarness.body(model: "openai-model"), headers: [("x-request-id", "bad id\"")])
            let id = try #require(made.headers.first(name: "x-request-id"))
            #expect(id.hasPrefix("req_"), "an unusable id is replaced, not echoed")
            #expect(try Self.upstreamHeaders(harness)["x-request-id"] as? String == id)
        }
    }

    @Test func modelsHaveACreationTimeAndCanBeReadOneByOne() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let list = try jsonObject(try await harness.get("/v1/models").body)
            let first = try #require((list["data"] as? [[String: Any]])?.first)
            #expect((first["created"] as? Int ?? 0) > 1_700_000_000)
            let one = try await harness.get("/v1/models/openai-model")
            #expect(one.status == 200)
            #expect(try jsonObject(one.body)["id"] as? String == "openai-model")
            let missing = try await harness.get("/v1/models/nope")
            #expect(missing.status == 404)
            #expect(missing.body.contains("model_not_found"))
        }
    }

    @Test func aKnownPathWithTheWrongMethodIs405() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.get("/v1/chat/completions")
            #expect(reply.status == 405)
            #expect(reply.headers.first(name: "allow") == "POST")
            #expect(reply.body.contains("method_not_allowed"))
        }
    }
}

@Suite("Wire fidelity: answers keep the provider's details", .timeLimit(.minutes(2)))
struct AnswerDetailTests {
    @Test func systemFingerprintAndUsageDetailsReachTheClient() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "openai-model"))
            #expect(reply.status == 200, "\(reply.body)")
            let object = try jsonObject(reply.body)
            #expect(object["system_fingerprint"] as? String == "fp_sim")
            let usage = try #require(object["usage"] as? [String: Any])
            #expect((usage["prompt_tokens_details"] as? [String: Any])?["cached_tokens"] is Int)
            #expect((usage["completion_tokens_details"] as? [String: Any])?["reasoning_tokens"] is Int)
        }
    }
}
