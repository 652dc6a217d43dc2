import GatewayTesting
import Foundation
import Testing

@Suite("Health, metrics, logs and secrets", .timeLimit(.minutes(2)))
struct ObservabilityTests {
    @Test func healthEndpointsReportReadinessAndProviders() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            #expect(try await harness.get("/health").status == 200)
            try await eventually("pools warmed and ready") { try await harness.get("/health/ready").status == 200 }
            _ = try await harness.chat(GatewayHarness.body(model: "openai-model"))
            _ = try await harness.chat(GatewayHarness.body(model: "openai-model", stream: true))
            let report = try jsonObject(try await harness.get("/health/providers").body)
            let entries = report["providers"] as? [[String: Any]] ?? []
            let openai = try #require(entries.first { $0["provider"] as? String == "oa" && $0["model"] as? String == "gpt-sim" })
            #expect(openai["breaker"] as? String == "closed")
            #expect(openai["requests"] as? Int == 2)
            #expect(openai["endpoint"] as? String == harness.sim.baseURL)
            let latency = openai["latency_ms"] as? [String: Any]
            #expect(latency?["p50"] is Double && latency?["p99"] is Double)
            let ttft = openai["ttft_ms"] as? [String: Any]
            #expect(ttft?["p95"] is Double, "the streamed request recorded a time to first token")
        }
    }

    @Test func metricsArePrometheusText() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            _ = try await harness.chat(GatewayHarness.body(model: "openai-model"))
            _ = try await harness.chat(GatewayHarness.body(model: "no-such-model"))
            let metrics = try await harness.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"llm_gateway_requests_total{alias="openai-model",status="200"} 1"#))
            #expect(metrics.body.contains(#"status="404""#))
            #expect(metrics.body.contains(#"llm_gateway_upstream_attempts_total{provider="oa",model="gpt-sim",outcome="success"} 1"#))
            #expect(metrics.body.contains("llm_gateway_breaker_state"))
        }
    }

    @Test func oneLogLinePerRequestAndKeysNeverAppear() async throws {
        let secret = "sk-test-0123456789abcdef"
        try await GatewayHarness.run(
            policy: { url in
                TestPolicies.basic(url).replacingOccurrences(
                    of: "  oa:\n    kind: openai\n    base_url: \(url)\n",
                    with: "  oa:\n    kind: openai\n    base_url: \(url)\n    key_env: TEST_OPENAI_KEY\n")
            },
            environment: ["TEST_OPENAI_KEY": secret]
        ) { harness in
            let ok = try await harness.chat(GatewayHarness.body(model: "openai-model"))
            #expect(ok.status == 200)
            let failed = try await harness.chat(GatewayHarness.body(model: "openai-model"), headers: [("x-sim-fault", "500")])
            #expect(failed.status == 502)
            #expect(!failed.body.contains(secret))
            #expect(harness.sim.stats().recent.contains { $0.model == "gpt-sim" && $0.hadCredentials }, "the key was sent upstream")
            let health = try await harness.get("/health/providers")
            #expect(!health.body.contains(secret))
            let lines = harness.logs.all
            #expect(!lines.contains { $0.contains(secret) })
            #expect(lines.filter { $0.hasPrefix("info request ") }.count == 1)
            #expect(lines.filter { $0.contains("request failed") }.count == 1)
        }
    }
}
