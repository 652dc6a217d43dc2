import AsyncHTTPClient
import Foundation
import GatewayTesting
import Testing

@Suite("race: fair start, first content wins, losers cancelled", .timeLimit(.minutes(2)))
struct RaceTests {
    static func run(_ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(simProfile: StrategyFixtures.simProfile, policy: { StrategyFixtures.policy($0) }, body)
    }

    @Test("every contender starts at once: the faster one wins although listed second")
    func fairStart() async throws {
        try await Self.run { harness in
            for stream in [false, true] {
                let reply = try await harness.chat(GatewayHarness.body(model: "race-slow-listed-first", message: "m", stream: stream))
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-provider") == "p2")
                #expect(reply.headers.first(name: "x-gateway-model") == "fast")
                #expect(reply.headers.first(name: "x-gateway-attempts") == "2", "both contenders were called")
                #expect(reply.body.contains("echo: m"))
            }
            // The gateway started both contenders (its `raced` count below); a loser the winner
            // beat before its request reached the simulator is never seen there, so the
            // simulator-side checks count what arrived: at least one, and each one cancelled.
            #expect(harness.sim.stats().byModel["glacial"] ?? 0 >= 1, "the slow route was started too, not held back")
            try await eventually("every losing call that reached the simulator was cancelled") {
                let stats = harness.sim.stats()
                return stats.cancelledByClient == stats.byModel["glacial"] ?? 0
            }
            let alias = try await Self.alias(harness, "race-slow-listed-first")
            let routes = alias["routes"] as? [[String: Any]] ?? []
            let fast = routes.first { $0["model"] as? String == "fast" }?["strategies"] as? [String: Any]
            let slow = routes.first { $0["model"] as? String == "glacial" }?["strategies"] as? [String: Any]
            #expect(fast?["race_wins"] as? Int == 2)
            #expect(fast?["race_win_rate"] as? Double == 1)
            #expect(slow?["raced"] as? Int == 2)
            #expect(slow?["race_wins"] as? Int == 0)
            #expect(slow?["cancelled"] as? Int == 2)
            #expect((slow?["wasted_prompt_tokens"] as? Int ?? 0) > 0)
        }
    }

    @Test("a stream's response head and role chunk do not win: the first content token does")
    func streamWinnerIsFirstContentToken() async throws {
        try await Self.run { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "race-head-first", message: "tok", stream: true))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-model") == "fast", "glacial-head-first sent its head first but its content last")
            #expect(reply.body.contains("echo: tok"))
            #expect(reply.body.contains("data: [DONE]"))
            // A loser that reached the simulator was cancelled, and none is left open (under
            // starvation the winner can finish before the loser's request is even written).
            try await eventually("every head-first loser call the simulator received was cancelled") {
                let stats = harness.sim.stats()
                return stats.cancelledByClient == stats.byModel["glacial-head-first"] ?? 0 && stats.inFlight == 0
            }
        }
    }

    @Test("a contender's error does not fail the request while another can answer")
    func loserErrorIgnored() async throws {
        try await Self.run { harness in
            for stream in [false, true] {
                let reply = try await harness.chat(GatewayHarness.body(model: "race-with-broken", stream: stream))
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-model") == "fast")
            }
            let stalled = try await harness.chat(GatewayHarness.body(model: "race-with-stall"))
            #expect(stalled.status == 200, "a contender that accepts and never answers does not hold the winner back")
            #expect(stalled.headers.first(name: "x-gateway-model") == "fast")
            try await eventually("the stalled contender's call was closed") { harness.sim.stats().cancelledByClient >= 1 }
            let failed = try await harness.chat(GatewayHarness.body(model: "race-all-broken"))
            #expect(failed.status == 502, "\(failed.body)")
            #expect(failed.body.contains("p1") && failed.body.contains("p3"), "the error names every contender's failure")
        }
    }

    @Test("when every contender fails with a retryable error, the race runs again within the providers' retry budget")
    func raceRunsAgainAfterEveryContenderFailed() async throws {
        try await Self.run { harness in
            let reply = try await harness.chat(
                GatewayHarness.body(model: "race-twice"),
                headers: [("x-sim-fault", "500"), ("x-sim-fault-times", "2"), ("x-sim-fault-key", "both-fail-once")])
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "4", "two contenders, two rounds")
            let failed = try await harness.chat(
                GatewayHarness.body(model: "race-twice"),
                headers: [("x-sim-fault", "500"), ("x-sim-fault-times", "4"), ("x-sim-fault-key", "fail-twice")])
            #expect(failed.status == 502, "max_attempts 2: no third round")
            #expect(failed.headers.first(name: "x-gateway-attempts") == "4")
        }
    }

    @Test("a provider whose breaker is open is skipped, not raced")
    func openBreakerSkipped() async throws {
        try await Self.run { harness in
            for _ in 0..<2 { _ = try await harness.chat(GatewayHarness.body(model: "broken-only")) }
            let provider = try await Self.providerEntry(harness, "p1", "broken")
            #expect(provider["breaker"] as? String == "open")
            let calls = harness.sim.stats().byModel["broken"] ?? 0
            let reply = try await harness.chat(GatewayHarness.body(model: "race-with-broken"))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-attempts") == "1", "only the healthy contender was called")
            #expect(harness.sim.stats().byModel["broken"] == calls, "nothing was sent to the open-breaker route")
        }
    }

    static func alias(_ harness: GatewayHarness, _ name: String) async throws -> [String: Any] {
        let health = try jsonObject(try await harness.get("/health/providers").body)
        let aliases = health["aliases"] as? [[String: Any]] ?? []
        return try #require(aliases.first { $0["alias"] as? String == name })
    }

    static func providerEntry(_ harness: GatewayHarness, _ provider: String, _ model: String) async throws -> [String: Any] {
        let health = try jsonObject(try await harness.get("/health/providers").body)
        let entries = health["providers"] as? [[String: Any]] ?? []
        return try #require(entries.first { $0["provider"] as? String == provider && $0["model"] as? String == model })
    }
}
