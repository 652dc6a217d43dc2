import Foundation
import GatewayTesting
import Testing

/// SPEC §3.3: `POST /v1/messages/count_tokens` goes to an Anthropic first route's upstream
/// (the simulator counts deterministically); any other first route is an Anthropic-shaped 400.
@Suite("Anthropic count_tokens", .timeLimit(.minutes(2)))
struct CountTokensTests {
    static let body = #"{"model":"anthropic-model","system":"Be brief.","messages":[{"role":"user","content":"How much is the Pro plan?"}]}"#

    @Test func anAnthropicRouteCountsUpstream() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post("/v1/messages/count_tokens", body: Self.body)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == "an")
            // The simulator's rule: ceil(bytes / 4) over the system prompt and the messages
            // ("Be brief." 9 bytes + the question 25 bytes = 34 → 9).
            #expect(try jsonObject(reply.body)["input_tokens"] as? Int == 9)
            let record = try jsonObject(harness.sim.lastRequestJSON())
            #expect(record["uri"] as? String == "/v1/messages/count_tokens")
            let sent = try jsonObject(try #require(record["body"] as? String))
            #expect(sent["model"] as? String == "claude-sim", "the route's model id, not the alias")
            #expect(sent["system"] as? String == "Be brief.")
            #expect(sent["max_tokens"] == nil)
        }
    }

    @Test func aFirstRouteThatCannotCountIsAnAnthropicShaped400() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let before = harness.sim.stats().requests
            let body = Self.body.replacingOccurrences(of: "anthropic-model", with: "openai-model")
            let reply = try await harness.post("/v1/messages/count_tokens", body: body)
            #expect(reply.status == 400, "\(reply.body)")
            let json = try jsonObject(reply.body)
            #expect(json["type"] as? String == "error")
            let error = try #require(json["error"] as? [String: Any])
            #expect(error["type"] as? String == "invalid_request_error")
            #expect((error["message"] as? String ?? "").contains("'oa'"), "\(error)")
            #expect(harness.sim.stats().requests == before)
        }
    }

    @Test func badRequestsAndUnknownAliasesAreAnthropicShaped() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let unknown = try await harness.post("/v1/messages/count_tokens", body: Self.body.replacingOccurrences(of: "anthropic-model", with: "nope"))
            #expect(unknown.status == 404, "\(unknown.body)")
            #expect(try jsonObject(unknown.body)["type"] as? String == "error")
            let noMessages = try await harness.post("/v1/messages/count_tokens", body: #"{"model":"anthropic-model","messages":[]}"#)
            #expect(noMessages.status == 400)
            #expect((try jsonObject(noMessages.body)["error"] as? [String: Any])?["message"] as? String ?? "" != "")
            let get = try await harness.get("/v1/messages/count_tokens")
            #expect(get.status == 405)
        }
    }
}
