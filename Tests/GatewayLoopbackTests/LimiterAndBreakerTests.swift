import GatewayTesting
import Foundation
import Testing

@Suite("In-flight limit, queue and circuit breaker", .timeLimit(.minutes(2)))
struct LimiterAndBreakerTests {
    static func limitedPolicy(_ simURL: String) -> String {
        TestPolicies.basic(
            simURL,
            extraProvider: """
                  tight:
                    kind: openai
                    base_url: \(simURL)
                    forward_headers: \(GatewayHarness.simHeaders)
                    max_in_flight: 1
                    max_queue: 1
                    retry: {max_attempts: 1}
                  fragile:
                    kind: openai
                    base_url: \(simURL)
                    forward_headers: \(GatewayHarness.simHeaders)
                    retry: {max_attempts: 1}
                    breaker: {window_ms: 60000, min_requests: 2, failure_rate: 0.5, open_ms: 60000, half_open_probes: 1, successes_to_close: 1}
                  recovering:
                    kind: openai
                    base_url: \(simURL)
                    forward_headers: \(GatewayHarness.simHeaders)
                    retry: {max_attempts: 1}
                    breaker: {window_ms: 60000, min_requests: 2, failure_rate: 0.5, open_ms: 300, half_open_probes: 1, successes_to_close: 1}
                """,
            extraModels: """
                  tight-model:
                    strategy: single
                    routes: [{provider: tight, model: gpt-sim}]
                  fragile-model:
                    strategy: single
                    routes: [{provider: fragile, model: gpt-sim}]
                  recovering-model:
                    strategy: single
                    routes: [{provider: recovering, model: gpt-sim}]
                """)
    }

    @Test func fullQueueAnswers429WithRetryAfter() async throws {
        try await GatewayHarness.run(policy: { Self.limitedPolicy($0) }) { harness in
            let stalled = [("x-sim-fault", "stall"), ("x-gateway-timeout-ms", "120000")]
            let first = Task { try await harness.chat(GatewayHarness.body(model: "tight-model"), headers: stalled) }
            try await eventually("first request in flight") { try await Self.load(harness) == (1, 0) }
            let second = Task { try await harness.chat(GatewayHarness.body(model: "tight-model"), headers: stalled) }
            try await eventually("second request queued") { try await Self.load(harness) == (1, 1) }
            // The gateway counts the first request in flight before it reaches the simulator;
            // wait for it to arrive there, so the snapshot below cannot race with it.
            try await eventually("first request reached the provider") { harness.sim.stats().requests == 1 }
            let before = harness.sim.stats().requests
            let third = try await harness.chat(GatewayHarness.body(model: "tight-model"))
            #expect(third.status == 429, "\(third.body)")
            #expect(third.headers.first(name: "retry-after") != nil)
            #expect((try jsonObject(third.body)["error"] as? [String: Any])?["type"] as? String == "rate_limit_error")
            #expect(harness.sim.stats().requests == before, "a rejected request never reaches the provider")
            first.cancel()
            second.cancel()
            _ = await first.result
            _ = await second.result
            try await eventually(timeout: .seconds(5), "slots and queue drained after the clients left") { try await Self.load(harness) == (0, 0) }
        }
    }

    /// Time queued for a limiter slot is the gateway's own time, so `x-gateway-overhead-ms`
    /// counts it (it used to be subtracted with the upstream time). The queued request waits
    /// at least `held` (the test keeps the slot that long after seeing it queued), so its
    /// overhead is at least that on any machine; a slower machine only adds to it.
    @Test func overheadHeaderCountsTimeQueuedForASlot() async throws {
        try await GatewayHarness.run(policy: { Self.limitedPolicy($0) }) { harness in
            let stalled = [("x-sim-fault", "stall"), ("x-gateway-timeout-ms", "120000")]
            let first = Task { try await harness.chat(GatewayHarness.body(model: "tight-model"), headers: stalled) }
            try await eventually("first request in flight") { try await Self.load(harness) == (1, 0) }
            let second = Task { try await harness.chat(GatewayHarness.body(model: "tight-model")) }
            try await eventually("second request queued") { try await Self.load(harness) == (1, 1) }
            let held = Duration.milliseconds(300)
            try await Task.sleep(for: held)
            first.cancel()
            _ = await first.result
            let reply = try await second.value
            #expect(reply.status == 200, "\(reply.body)")
            let overhead = try #require(Double(reply.headers.first(name: "x-gateway-overhead-ms") ?? ""))
            #expect(overhead >= 300, "queued at least 300 ms, overhead says \(overhead) ms")
        }
    }

    /// open_ms is a minute here, so the breaker is surely still open when the next request
    /// comes, however slow the machine.
    @Test func anOpenBreakerRejectsWithoutCallingTheProvider() async throws {
        try await GatewayHarness.run(policy: { Self.limitedPolicy($0) }) { harness in
            for _ in 0..<2 {
                let failed = try await harness.chat(GatewayHarness.body(model: "fragile-model"), headers: [("x-sim-fault", "500")])
                #expect(failed.status == 502)
            }
            #expect(try await Self.breaker(harness, provider: "fragile") == "open")
            let before = harness.sim.stats().requests
            let rejected = try await harness.chat(GatewayHarness.body(model: "fragile-model"))
            #expect(rejected.status == 503, "\(rejected.body)")
            #expect(rejected.body.contains("circuit breaker open"))
            #expect(harness.sim.stats().requests == before, "an open breaker sends nothing upstream")
        }
    }

    @Test func anOpenBreakerProbesAfterItsOpenTimeAndCloses() async throws {
        try await GatewayHarness.run(policy: { Self.limitedPolicy($0) }) { harness in
            for _ in 0..<2 {
                let failed = try await harness.chat(GatewayHarness.body(model: "recovering-model"), headers: [("x-sim-fault", "500")])
                #expect(failed.status == 502)
            }
            // After open_ms the next request is a half-open probe; its success closes the breaker.
            try await eventually("a probe gets through and succeeds") {
                try await harness.chat(GatewayHarness.body(model: "recovering-model")).status == 200
            }
            #expect(try await Self.breaker(harness, provider: "recovering") == "closed")
        }
    }

    static func load(_ harness: GatewayHarness) async throws -> (Int, Int) {
        let entry = try await providerEntry(harness, provider: "tight")
        return (entry["in_flight"] as? Int ?? -1, entry["queued"] as? Int ?? -1)
    }

    static func breaker(_ harness: GatewayHarness, provider: String) async throws -> String {
        try await providerEntry(harness, provider: provider)["breaker"] as? String ?? "?"
    }

    static func providerEntry(_ harness: GatewayHarness, provider: String) async throws -> [String: Any] {
        let report = try jsonObject(try await harness.get("/health/providers").body)
        let entries = report["providers"] as? [[String: Any]] ?? []
        return entries.first { $0["provider"] as? String == provider } ?? [:]
    }
}
