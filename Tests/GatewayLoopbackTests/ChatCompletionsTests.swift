import GatewayTesting
import Foundation
import Testing

@Suite("Chat completions through gateway and simulator", .timeLimit(.minutes(2)))
struct ChatCompletionsTests {
    @Test(arguments: ["openai-model", "anthropic-model", "gemini-model"])
    func jsonAnswerCarriesGatewayHeaders(model: String) async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: model, message: "hi from \(model)"))
            #expect(reply.status == 200, "\(reply.body)")
            let object = try jsonObject(reply.body)
            #expect(object["object"] as? String == "chat.completion")
            #expect(object["model"] as? String == model)
            let choice = (object["choices"] as? [[String: Any]])?.first
            let message = choice?["message"] as? [String: Any]
            #expect(message?["content"] as? String == "echo: hi from \(model)")
            #expect(choice?["finish_reason"] as? String == "stop")
            let usage = object["usage"] as? [String: Any]
            #expect((usage?["prompt_tokens"] as? Int ?? 0) > 0)
            #expect((usage?["completion_tokens"] as? Int ?? 0) > 0)
            #expect(reply.headers.first(name: "x-gateway-attempts") == "1")
            #expect(reply.headers.first(name: "x-gateway-provider") != nil)
            #expect(reply.headers.first(name: "x-gateway-model") != nil)
            let overhead = Double(reply.headers.first(name: "x-gateway-overhead-ms") ?? "")
            #expect(overhead != nil && overhead! >= 0)
            // The simulator reports its own service time; the gateway passes it on.
            #expect(Double(reply.headers.first(name: "x-gateway-upstream-service-ms") ?? "") != nil)
        }
    }

    @Test(arguments: ["openai-model", "anthropic-model", "gemini-model"])
    func streamIsOpenAIServerSentEvents(model: String) async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(
                GatewayHarness.body(
                    model: model, message: "stream me", stream: true,
                    extra: #","stream_options":{"include_usage":true}"#))
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "content-type") == "text/event-stream")
            let frames = reply.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(frames.last == "data: [DONE]")
            var text = ""
            var sawRole = false
            var sawFinish = false
            var sawUsage = false
            for frame in frames.dropLast() {
                #expect(frame.hasPrefix("data: "))
                let chunk = try jsonObject(String(frame.dropFirst(6)))
                #expect(chunk["object"] as? String == "chat.completion.chunk")
                let choices = chunk["choices"] as? [[String: Any]] ?? []
                if choices.isEmpty, chunk["usage"] is [String: Any] { sawUsage = true }
                for choice in choices {
                    let delta = choice["delta"] as? [String: Any] ?? [:]
                    if delta["role"] as? String == "assistant" { sawRole = true }
                    text += delta["content"] as? String ?? ""
                    if choice["finish_reason"] as? String == "stop" { sawFinish = true }
                }
            }
            #expect(sawRole)
            #expect(sawFinish)
            #expect(sawUsage)
            #expect(text == "echo: stream me")
        }
    }

    @Test func modelsListsThePolicyAliases() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.get("/v1/models")
            #expect(reply.status == 200)
            let data = try jsonObject(reply.body)["data"] as? [[String: Any]] ?? []
            let ids = Set(data.compactMap { $0["id"] as? String })
            #expect(ids == ["openai-model", "anthropic-model", "gemini-model", "stall-then-openai", "broken-then-gemini"])
        }
    }
}
