import GatewayTesting
import Foundation
import Testing

@Suite("Retries, fallbacks and broken streams", .timeLimit(.minutes(2)))
struct RetryAndFallbackTests {
    @Test func serverErrorIsRetriedOnTheSameProvider() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(
                GatewayHarness.body(model: "openai-model"),
                headers: [("x-sim-fault", "500"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "retry-500")])
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "2")
            #expect(reply.headers.first(name: "x-gateway-provider") == "oa")
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let started = ContinuousClock.now
            let reply = try await harness.chat(
                GatewayHarness.body(model: "openai-model"),
                headers: [("x-sim-fault", "429"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "retry-429")])
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "2")
            // The simulator's Retry-After is 1 s; the retry waited for it (a lower bound, not a timing goal).
            #expect(ContinuousClock.now - started >= .seconds(1))
        }
    }

    /// Issue 8, finding 7: on a fallback alias a 429 waited out its Retry-After on the same
    /// provider while the next one was healthy.
    @Test func aRateLimitOnAFallbackAliasMovesToTheNextRouteAtOnce() async throws {
        let policy: @Sendable (String) -> String = {
            TestPolicies.basic($0, extraModels: """
                  limited-then-gemini:
                    strategy: fallback
                    routes:
                      - {provider: oa, model: gpt-sim}
                      - {provider: ge, model: gemini-sim}
                """)
        }
        try await GatewayHarness.run(policy: policy) { harness in
            let reply = try await harness.chat(
                GatewayHarness.body(model: "limited-then-gemini"),
                headers: [("x-sim-fault", "429"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "fallback-429")])
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == "ge", "the next route answered, not a retry of the first")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "2")
        }
    }

    @Test func retryThatWouldPassTheDeadlineIsNotMade() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(
                GatewayHarness.body(model: "openai-model"),
                headers: [("x-sim-fault", "429"), ("x-gateway-timeout-ms", "500")])
            #expect(reply.status == 429, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "1")
            #expect(reply.headers.first(name: "retry-after") != nil)
        }
    }

    @Test func fallbackMovesToTheNextProvider() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            for stream in [false, true] {
                let reply = try await harness.chat(GatewayHarness.body(model: "broken-then-gemini", message: "fb", stream: stream))
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-provider") == "ge")
                #expect(reply.headers.first(name: "x-gateway-attempts") == "3")
                #expect(reply.body.contains("echo: fb"))
            }
        }
    }

    @Test func streamCutAfterBytesEndsWithAnErrorEventAndNoRetry() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let before = harness.sim.stats().requests
            let reply = try await harness.chat(
                GatewayHarness.body(model: "openai-model", message: "a long enough answer to cut in the middle of it", stream: true),
                headers: [("x-sim-fault", "cut"), ("x-sim-output-tokens", "60")])
            #expect(reply.status == 200)
            let frames = reply.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(frames.count >= 3, "content was streamed before the cut")
            #expect(!reply.body.contains("[DONE]"), "a cut stream must not look complete")
            let last = try jsonObject(String(frames.last!.dropFirst(6)))
            let error = last["error"] as? [String: Any]
            #expect(error?["code"] as? String == "stream_interrupted")
            #expect(harness.sim.stats().requests == before + 1, "no retry after bytes reached the client")
        }
    }

    @Test func exhaustedProvidersReportEachFailureByName() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "broken-then-gemini"), headers: [("x-sim-fault", "500")])
            #expect(reply.status == 502)
            let message = (try jsonObject(reply.body)["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("oa/broken-model"))
            #expect(message.contains("ge/gemini-sim"))
        }
    }
}
