import Foundation
import GatewayTesting
import Testing

/// Issue 14: a gateway never passes simulated answers off as real. The simulator stands in
/// for a provider without its key only while no provider key is set at all; every simulated
/// answer says `x-gateway-simulated: true`.
@Suite("Simulated answers say so", .timeLimit(.minutes(2)))
struct SimulatedAnswerTests {
    static func policy(_ simURL: String) -> String {
        """
        providers:
          keyed:
            kind: openai
            base_url: \(simURL)
            key_env: TEST_KEYED_KEY
          keyless:
            kind: anthropic
            base_url: https://api.anthropic.invalid
            key_env: TEST_MISSING_KEY
            when_key_missing: sim
          demo:
            kind: openai
            base_url: sim
        models:
          real-first:
            strategy: fallback
            routes: [{provider: keyless, model: claude-sim}, {provider: keyed, model: gpt-sim}]
          on-purpose:
            strategy: single
            routes: [{provider: demo, model: sim-model}]
        """
    }

    @Test func withOneRealKeyAProviderWithoutItsKeyIsDisabledNotSimulated() async throws {
        try await GatewayHarness.run(policy: Self.policy, environment: ["TEST_KEYED_KEY": "real-key-123"]) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "real-first", message: "who answers"))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == "keyed", "the keyless provider was skipped")
            #expect(reply.headers.first(name: "x-gateway-simulated") == nil)
            #expect(harness.logs.all.contains { $0.contains("provider disabled") && $0.contains("keyless") })
            #expect(harness.logs.all.contains { $0.contains("provider real") && $0.contains("keyed") })
            // base_url: sim is simulated on purpose, and says so.
            let demo = try await harness.chat(GatewayHarness.body(model: "on-purpose", message: "demo"))
            #expect(demo.status == 200)
            #expect(demo.headers.first(name: "x-gateway-simulated") == "true")
            #expect(harness.logs.all.contains { $0.contains("provider simulated") && $0.contains("demo") })
        }
    }

    @Test func withNoKeyAtAllTheDemoIsSimulatedAndSaysSo() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "real-first", message: "demo mode"))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == "keyless")
            #expect(reply.headers.first(name: "x-gateway-simulated") == "true")
        }
    }
}
