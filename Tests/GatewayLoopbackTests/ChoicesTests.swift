import Foundation
import GatewayTesting
import Testing

/// `n > 1` through the real gateway and simulator: native on OpenAI routes (one upstream
/// call carrying `n`, JSON and SSE), fanned out on the others (n calls, choices merged by
/// index, usage summed), the cap, and the cache bypass. Fanned-out streams: ChoicesStreamTests.
@Suite("Choices: n > 1 native and fanned out", .timeLimit(.minutes(2)))
struct ChoicesTests {
    static func choices(_ body: String) throws -> [[String: Any]] {
        try #require(try jsonObject(body)["choices"] as? [[String: Any]])
    }

    static func usage(_ body: String) throws -> [String: Any] {
        try #require(try jsonObject(body)["usage"] as? [String: Any])
    }

    static func content(_ choice: [String: Any]) -> String? {
        (choice["message"] as? [String: Any])?["content"] as? String
    }

    /// The `data:` payloads of an SSE body, without `[DONE]`.
    static func chunks(_ body: String) throws -> [[String: Any]] {
        try body.split(separator: "\n").compactMap { line -> [String: Any]? in
            guard line.hasPrefix("data: "), line != "data: [DONE]" else { return nil }
            return try jsonObject(String(line.dropFirst(6)))
        }
    }

    @Test func nativeJSONSendsNUpstreamOnceAndReturnsEveryChoice() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let one = try await harness.chat(GatewayHarness.body(model: "openai-model", message: "n native"))
            #expect(one.status == 200, "\(one.body)")
            let before = harness.sim.stats().requests
            let reply = try await harness.chat(GatewayHarness.body(model: "openai-model", message: "n native", extra: #","n":3"#))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(harness.sim.stats().requests == before + 1, "one upstream call for all three choices")
            let sent = try WireFidelityTests.upstreamBody(harness)
            #expect(sent["n"] as? Int == 3)
            let choices = try Self.choices(reply.body)
            #expect(choices.map { $0["index"] as? Int } == [0, 1, 2])
            let expected = Self.content(try Self.choices(one.body)[0])
            #expect(expected != nil && choices.allSatisfy { Self.content($0) == expected })
            #expect(choices.allSatisfy { $0["finish_reason"] as? String == "stop" })
            let single = try Self.usage(one.body)["completion_tokens"] as? Int ?? 0
            #expect(single > 0)
            #expect(try Self.usage(reply.body)["completion_tokens"] as? Int == 3 * single, "the provider's usage, all choices")
        }
    }

    @Test func nativeStreamCarriesEachChoiceByIndex() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let extra = #","n":2,"stream_options":{"include_usage":true}"#
            let reply = try await harness.chat(GatewayHarness.body(model: "openai-model", message: "n stream", stream: true, extra: extra))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(try WireFidelityTests.upstreamBody(harness)["n"] as? Int == 2)
            var texts: [Int: String] = [:]
            var finishes: [Int: String] = [:]
            var roles: Set<Int> = []
            var usage: [String: Any]?
            for chunk in try Self.chunks(reply.body) {
                if let reported = chunk["usage"] as? [String: Any] { usage = reported }
                for choice in chunk["choices"] as? [[String: Any]] ?? [] {
                    let index = try #require(choice["index"] as? Int)
                    let delta = choice["delta"] as? [String: Any] ?? [:]
                    if delta["role"] as? String == "assistant" { roles.insert(index) }
                    texts[index, default: ""] += delta["content"] as? String ?? ""
                    if let finish = choice["finish_reason"] as? String { finishes[index] = finish }
                }
            }
            #expect(Set(texts.keys) == [0, 1])
            #expect(roles == [0, 1], "each choice opens with its role chunk")
            #expect(!(texts[0] ?? "").isEmpty && texts[0] == texts[1])
            #expect(finishes == [0: "stop", 1: "stop"])
            #expect(usage?["completion_tokens"] as? Int ?? 0 > 0)
        }
    }

    @Test func fanOutMakesNCallsMergesChoicesAndSumsUsage() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let one = try await harness.chat(GatewayHarness.body(model: "anthropic-model", message: "n fan out"))
            #expect(one.status == 200, "\(one.body)")
            let before = harness.sim.stats().requests
            let reply = try await harness.chat(GatewayHarness.body(model: "anthropic-model", message: "n fan out", extra: #","n":3"#))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(harness.sim.stats().requests == before + 3, "one one-choice call per choice")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "3")
            let choices = try Self.choices(reply.body)
            #expect(choices.map { $0["index"] as? Int } == [0, 1, 2])
            #expect(choices.allSatisfy { !(Self.content($0) ?? "").isEmpty })
            let prompt = try Self.usage(one.body)["prompt_tokens"] as? Int ?? 0
            #expect(prompt > 0)
            #expect(try Self.usage(reply.body)["prompt_tokens"] as? Int == 3 * prompt, "every call's input counted")
        }
    }

    @Test func aFannedOutCallThatFailsOnceIsRetriedAndEveryChoiceArrives() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let before = harness.sim.stats().requests
            // The first of the three one-choice calls to reach the simulator gets a 500; the
            // route's retry (max_attempts 2) makes a fourth call, and the answer is whole.
            let reply = try await harness.chat(
                GatewayHarness.body(model: "anthropic-model", message: "n fan out, one fails", extra: #","n":3"#),
                headers: [("x-sim-fault", "500"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "fan-out-once")])
            #expect(reply.status == 200, "\(reply.body)")
            #expect(harness.sim.stats().requests == before + 4, "three calls and one retry")
            let choices = try Self.choices(reply.body)
            #expect(choices.map { $0["index"] as? Int } == [0, 1, 2])
            #expect(choices.allSatisfy { !(Self.content($0) ?? "").isEmpty })
        }
    }

    @Test func aFannedOutCallThatKeepsFailingFailsTheRequestWithAnError() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(
                GatewayHarness.body(model: "anthropic-model", message: "n fan out, all fail", extra: #","n":2"#),
                headers: [("x-sim-fault", "500")])
            #expect(reply.status >= 500, "\(reply.body)")
            let error = try #require(try jsonObject(reply.body)["error"] as? [String: Any], "\(reply.body)")
            #expect((error["message"] as? String ?? "").isEmpty == false)
            #expect(try jsonObject(reply.body)["choices"] == nil, "no partial answer")
        }
    }

    @Test func nPastTheCapIsA400() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "openai-model", extra: #","n":9"#))
            #expect(reply.status == 400, "\(reply.body)")
            #expect(try (jsonObject(reply.body)["error"] as? [String: Any])?["param"] as? String == "n")
        }
    }

    @Test func severalChoicesBypassTheCache() async throws {
        try await GatewayHarness.run(policy: { CachePolicies.policy($0) }) { harness in
            let body = GatewayHarness.body(model: "cached", message: "n cached", extra: #","n":2"#)
            let before = harness.sim.stats().requests
            for _ in 0..<2 {
                let reply = try await harness.chat(body)
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-cache") == "bypass")
                #expect(try Self.choices(reply.body).count == 2)
            }
            #expect(harness.sim.stats().requests == before + 2, "neither answer came from the cache")
            let plain = GatewayHarness.body(model: "cached", message: "n cached")
            _ = try await harness.chat(plain)
            #expect(try await harness.chat(plain).headers.first(name: "x-gateway-cache") == "hit-exact", "one choice still caches")
        }
    }
}
