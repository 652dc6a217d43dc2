import AsyncHTTPClient
import Foundation
import GatewayTesting
import SalesAgent
import SalesCore
import Testing

@Suite("Agent request shapes the gateway cache can answer, over loopback", .timeLimit(.minutes(2)))
struct AgentCacheLoopbackTests {
    static let message = "We're about 200 people and dispatch is all spreadsheets."

    /// The agent's aliases with the exact and semantic tiers on.
    static func cachedPolicy(_ simURL: String) -> String {
        AgentHarness.policy(simURL, fastCache: "{exact: true, semantic: {threshold: 0.92}, ttl_s: 3600}")
    }

    @Test func theSameMessageInAnotherSessionIsACaptureHitMergedIntoThatSessionsContext() async throws {
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: Self.message, response: #"{"slots":{"company_size":"about 200 people","current_solution":"spreadsheets"}}"#),
            AgentHarness.line(tag: "detect", message: Self.message, response: #"{"situation":"discovery_share","confidence":0.93}"#),
            AgentHarness.line(tag: "generate", message: Self.message, response: "Got it. What breaks first when a driver calls in sick?"),
        ])
        try await GatewayHarness.run(simProfile: AgentHarness.profile(script: script), policy: { Self.cachedPolicy($0) }) { harness in
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client, shape: .cacheable)
            // Two sessions that know different things and said different things before.
            var first = SessionState(id: "a", context: SlotValues([.contactName: "Dana", .companyName: "Acme Logistics"]))
            first.history = [
                GoldenTurn.Message(role: "customer", text: "Hi, Dana from Acme Logistics here."),
                GoldenTurn.Message(role: "agent", text: "Hi Dana! How big is the team?"),
            ]
            first.turns = 1
            let second = SessionState(id: "b", context: SlotValues([.contactName: "Lee", .budgetSignal: "tight this year"]))

            let (missed, _) = await pipeline.run(first, message: Self.message)
            #expect(missed.steps.capture.gateway?.cache == "miss")
            #expect(missed.capturedSlots == SlotValues([.companySize: "about 200 people", .currentSolution: "spreadsheets"]))

            // The answer is stored once the first call completed; poll rather than assume when.
            let attempts = Counter()
            let hit = Box<Turn>()
            try await eventually("the second session's capture is served from the cache") {
                await attempts.increment()
                let (result, state) = await pipeline.run(second, message: Self.message)
                guard result.steps.capture.gateway?.cache == "hit-exact" else { return false }
                await hit.set(Turn(result: result, state: state))
                return true
            }
            let served = try #require(await hit.value)
            let (result, state) = (served.result, served.state)
            #expect(result.steps.capture.fallbackReason == nil)
            #expect(result.steps.capture.gateway?.provider == "cache")
            #expect(result.capturedSlots == SlotValues([.companySize: "about 200 people", .currentSolution: "spreadsheets"]))
            // Merged into this session's own context: its values kept, none of the first session's.
            #expect(state.context == SlotValues([
                .contactName: "Lee", .budgetSignal: "tight this year", .companySize: "about 200 people", .currentSolution: "spreadsheets",
            ]))
            let upstreamCaptures = harness.sim.stats().byTag["capture"] ?? 0
            let runs = await attempts.value
            #expect(upstreamCaptures == runs, "every capture but the hit went upstream: one for the first session, one per missed poll")
        }
    }

    @Test func detectIsKeyedOnTheSignatureNotTheValuesOfTheContext() async throws {
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: Self.message, response: #"{"slots":{"company_size":"about 200 people"}}"#),
            AgentHarness.line(tag: "detect", message: Self.message, response: #"{"situation":"discovery_share","confidence":0.93}"#),
        ])
        try await GatewayHarness.run(simProfile: AgentHarness.profile(script: script), policy: { Self.cachedPolicy($0) }) { harness in
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client, shape: .cacheable)
            // Same turn, same known slot names and the same last agent message; different values.
            func session(_ id: String, name: String, company: String) -> SessionState {
                var state = SessionState(id: id, context: SlotValues([.contactName: name, .companyName: company]))
                state.history = [
                    GoldenTurn.Message(role: "customer", text: "hi, \(name) from \(company)"),
                    GoldenTurn.Message(role: "agent", text: "Welcome! How big is the team?"),
                ]
                state.turns = 1
                return state
            }
            let (first, _) = await pipeline.run(session("a", name: "Dana", company: "Acme"), message: Self.message)
            #expect(first.steps.detect.gateway?.cache == "miss")
            let hit = Box<TurnResult>()
            let second = session("b", name: "Lee", company: "Globex")
            try await eventually("the second session's detect is served from the cache") {
                let (result, _) = await pipeline.run(second, message: Self.message)
                guard result.steps.detect.gateway?.cache == "hit-exact" else { return false }
                await hit.set(result)
                return true
            }
            let result = try #require(await hit.value)
            #expect(result.firstSituation == .discoveryShare)
            #expect(result.situation == .discoveryShare)
        }
    }
}

struct Turn: Sendable {
    var result: TurnResult
    var state: SessionState
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}

actor Box<Value: Sendable> {
    private(set) var value: Value?
    func set(_ value: Value) { self.value = value }
}
