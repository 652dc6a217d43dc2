import AsyncHTTPClient
import Foundation
import GatewayTesting
import Testing

@Suite("hedge: only after the delay, never past the cap; tier by thresholds", .timeLimit(.minutes(2)))
struct HedgeAndTierTests {
    static func run(
        hedge: String = "{floor_ms: 150, ceiling_ms: 150, initial_delay_ms: 150, max_extra_ratio: 1.0}",
        _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        try await GatewayHarness.run(
            simProfile: StrategyFixtures.simProfile, policy: { StrategyFixtures.policy($0, hedge: hedge) }, body)
    }

    @Test("a primary that answers before the delay is never hedged")
    func noHedgeBeforeTheDelay() async throws {
        // A 1 ms primary and a 20 s delay: never hedged, however busy the machine (3 s was
        // passed under ThreadSanitizer with a second suite running beside it).
        try await Self.run(hedge: "{floor_ms: 20000, ceiling_ms: 20000, initial_delay_ms: 20000, max_extra_ratio: 1.0}") { harness in
            for stream in [false, true, false, true] {
                let reply = try await harness.chat(GatewayHarness.body(model: "hedge-quick-primary", stream: stream))
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-model") == "quick")
                #expect(reply.headers.first(name: "x-gateway-attempts") == "1")
            }
            #expect(harness.sim.stats().byModel["fast"] == nil, "the backup was never called")
            let alias = try await RaceTests.alias(harness, "hedge-quick-primary")
            #expect(alias["hedges"] as? Int == 0)
            #expect(alias["requests"] as? Int == 4)
        }
    }

    @Test("a primary silent past the delay is hedged; the hedge wins and the primary is cancelled")
    func hedgeFiresAndWins() async throws {
        try await Self.run { harness in
            for stream in [false, true] {
                let reply = try await harness.chat(GatewayHarness.body(model: "hedge-slow-primary", message: "h", stream: stream))
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-model") == "fast")
                #expect(reply.headers.first(name: "x-gateway-attempts") == "2")
                #expect(reply.body.contains("echo: h"))
            }
            try await eventually("every slow primary that reached the simulator was cancelled upstream") {
                let stats = harness.sim.stats()
                return stats.cancelledByClient == stats.byModel["glacial"] ?? 0
            }
            let alias = try await RaceTests.alias(harness, "hedge-slow-primary")
            #expect(alias["hedges"] as? Int == 2)
            let routes = alias["routes"] as? [[String: Any]] ?? []
            let fast = routes.first { $0["model"] as? String == "fast" }?["strategies"] as? [String: Any]
            let slow = routes.first { $0["model"] as? String == "glacial" }?["strategies"] as? [String: Any]
            #expect(fast?["hedges_fired"] as? Int == 2)
            #expect(fast?["hedges_won"] as? Int == 2)
            #expect(slow?["cancelled"] as? Int == 2)
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains("llm_gateway_hedges_fired_total"))
            #expect(metrics.contains("llm_gateway_hedge_extra_traffic_ratio"))
        }
    }

    @Test("hedges stop at the extra-traffic cap")
    func hedgeCap() async throws {
        try await Self.run(hedge: "{floor_ms: 100, ceiling_ms: 100, initial_delay_ms: 100, max_extra_ratio: 0.25, window_ms: 600000}") { harness in
            var hedged = 0
            for _ in 0..<8 {
                let reply = try await harness.chat(GatewayHarness.body(model: "hedge-capped"))
                #expect(reply.status == 200, "\(reply.body)")
                if reply.headers.first(name: "x-gateway-attempts") == "2" { hedged += 1 }
            }
            #expect(hedged == 2, "25 % of 8 requests")
            let alias = try await RaceTests.alias(harness, "hedge-capped")
            #expect(alias["hedges"] as? Int == 2)
            #expect(alias["extra_traffic_ratio"] as? Double == 0.25)
        }
    }

    @Test("a failing primary is replaced at once, without waiting for the delay or spending the budget")
    func failingPrimaryFailsOver() async throws {
        // The hedge delay is a minute and the client waits at most 30 s: only a failover that
        // does not wait for the delay can answer, however slow the machine.
        try await Self.run(hedge: "{floor_ms: 60000, ceiling_ms: 60000, initial_delay_ms: 60000, max_extra_ratio: 0.0}") { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "hedge-broken-primary"), timeout: .seconds(30))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-model") == "fast")
            let alias = try await RaceTests.alias(harness, "hedge-broken-primary")
            #expect(alias["hedges"] as? Int == 0)
        }
    }

    @Test("tier: short simple requests go to the small tier, long or multi-question ones to the large, a hint overrides")
    func tierByThresholds() async throws {
        try await Self.run { harness in
            let cases: [(message: String, hint: String?, tier: String, model: String)] = [
                ("What does it cost?", nil, "small", "quick"),
                ("What does it cost, and how long does onboarding take for a team of forty?", nil, "large", "fast"),
                ("Price? Seats?", nil, "large", "fast"),
                ("What does it cost?", "large", "large", "fast"),
            ]
            for item in cases {
                let headers = item.hint.map { [("x-gateway-tier", $0)] } ?? []
                let reply = try await harness.chat(GatewayHarness.body(model: "tiered", message: item.message), headers: headers)
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-tier") == item.tier, "\(item.message)")
                #expect(reply.headers.first(name: "x-gateway-model") == item.model, "\(item.message)")
            }
            let alias = try await RaceTests.alias(harness, "tiered")
            #expect(alias["tiers"] as? [String: Int] == ["small": 1, "large": 3])
        }
    }
}
