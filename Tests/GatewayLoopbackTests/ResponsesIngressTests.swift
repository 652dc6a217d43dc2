import Foundation
import GatewayTesting
import Testing

/// SPEC §3.3: `POST /v1/responses`, stateless, through the same aliases and caches.
@Suite("OpenAI Responses ingress over loopback", .timeLimit(.minutes(2)))
struct ResponsesIngressTests {
    @Test func aStringInputAnswersWithAResponseObject() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post(
                "/v1/responses", body: #"{"model":"anthropic-model","instructions":"Be brief.","input":"hello responses","store":true}"#)
            #expect(reply.status == 200, "\(reply.body)")
            let object = try jsonObject(reply.body)
            #expect(object["object"] as? String == "response")
            #expect(object["status"] as? String == "completed")
            #expect(object["store"] as? Bool == false, "nothing is stored, and the answer says so")
            let message = try #require((object["output"] as? [[String: Any]])?.first)
            #expect(message["type"] as? String == "message")
            let part = try #require((message["content"] as? [[String: Any]])?.first)
            #expect(part["type"] as? String == "output_text")
            #expect(part["text"] as? String == "echo: hello responses")
            #expect(((object["usage"] as? [String: Any])?["output_tokens"] as? Int ?? 0) > 0)
        }
    }

    @Test func itemsToolsAndSchemasMapOntoTheCanonicalRequest() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let body = #"{"model":"openai-model","input":[{"role":"user","content":[{"type":"input_text","text":"price?"}]},"#
                + #"{"type":"function_call","call_id":"c1","name":"lookup","arguments":"{\"plan\":\"pro\"}"},"#
                + #"{"type":"function_call_output","call_id":"c1","output":"$49"}],"#
                + #""tools":[{"type":"function","name":"lookup","parameters":{"type":"object","properties":{"plan":{"type":"string"}}}}],"#
                + #""text":{"format":{"type":"json_schema","name":"answer","strict":true,"schema":{"type":"object","properties":{"price":{"type":"string"}},"required":["price"]}}}}"#
            let reply = try await harness.post("/v1/responses", body: body)
            #expect(reply.status == 200, "\(reply.body)")
            let sent = try jsonObject(try #require(try jsonObject(harness.sim.lastRequestJSON())["body"] as? String))
            #expect((sent["messages"] as? [[String: Any]])?.map { $0["role"] as? String } == ["user", "assistant", "tool"])
            #expect(((sent["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])?["strict"] as? Bool == true)
            let text = ((try jsonObject(reply.body)["output"] as? [[String: Any]])?.first?["content"] as? [[String: Any]])?.first?["text"] as? String
            #expect(try jsonObject(try #require(text))["price"] is String)
        }
    }

    @Test func aStreamIsTheSemanticEventSequence() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post("/v1/responses", body: #"{"model":"gemini-model","input":"stream me","stream":true}"#)
            #expect(reply.status == 200)
            let events = reply.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.compactMap { frame -> [String: Any]? in
                guard let data = frame.components(separatedBy: "\n").last?.dropFirst("data: ".count) else { return nil }
                return try? jsonObject(String(data))
            }
            let types = events.compactMap { $0["type"] as? String }
            #expect(types.first == "response.created")
            #expect(types.last == "response.completed")
            #expect(types.contains("response.output_item.added") && types.contains("response.output_text.done"))
            #expect(events.compactMap { $0["sequence_number"] as? Int } == Array(0..<events.count))
            let text = events.filter { $0["type"] as? String == "response.output_text.delta" }.compactMap { $0["delta"] as? String }.joined()
            #expect(text == "echo: stream me")
            #expect(!reply.body.contains("[DONE]"))
        }
    }

    @Test func previousResponseIDIsRefusedClearly() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post("/v1/responses", body: #"{"model":"openai-model","input":"x","previous_response_id":"resp_1"}"#)
            #expect(reply.status == 400)
            #expect(reply.body.contains("previous_response_id") && reply.body.contains("stateless"), "\(reply.body)")
        }
    }
}
