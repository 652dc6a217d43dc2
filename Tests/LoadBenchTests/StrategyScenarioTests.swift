import Foundation
import GatewayCore
import Testing

@testable import LoadBench
@testable import Simulator

@Suite("Strategy scenario")
struct StrategyScenarioTests {
    @Test("its simulator profile and gateway policy load, and every group's aliases exist with its strategies")
    func profileAndPolicyAreValid() throws {
        _ = try SimProfile.parse(yaml: StrategyScenario.simProfile, file: "sim-strategies.yaml")
        let policy = try PolicyLoader.parse(yaml: StrategyScenario.gatewayPolicy(simURL: "http://127.0.0.1:1"), file: "p.yaml")
        for group in StrategyScenario.groups {
            #expect(group.aliases.map(group.label) == ["single", "fallback", "race", "hedge"])
            for alias in group.aliases {
                let config = try #require(policy.alias(named: alias), "\(alias)")
                #expect(config.strategy.rawValue == group.label(alias))
            }
        }
        #expect(policy.alias(named: "hedge")?.hedge.maxExtraRatio == 0.1)
    }

    @Test("each group runs its four strategies against the gateway, single first")
    func runs() {
        let group = StrategyScenario.groups[1]
        let runs = StrategyScenario.runs(gatewayURL: "http://g", group: group, options: .init(modes: [.json, .stream]))
        #expect(runs.count == 8)
        #expect(runs.first?.target.label == "single")
        #expect(runs.first?.target.model == "never-single")
        #expect(runs.allSatisfy { $0.target.url == "http://g/v1/chat/completions" })
    }

    @Test("outcomes are read from /health/providers' aliases")
    func parseOutcomes() throws {
        let body = """
            {"aliases": [{"alias": "race", "strategy": "race", "requests": 10, "hedges": 0, "tiers": {},
              "routes": [{"provider": "pa", "model": "a", "strategies": {"raced": 10, "race_wins": 6, "cancelled": 4,
                          "wasted_prompt_tokens": 40, "wasted_completion_tokens": 2, "hedges_fired": 0, "hedges_won": 0}},
                         {"provider": "pb", "model": "b", "strategies": {"raced": 10, "race_wins": 4, "cancelled": 6,
                          "wasted_prompt_tokens": 60, "wasted_completion_tokens": 0, "hedges_fired": 0, "hedges_won": 0}}]}],
             "providers": [], "disabled": []}
            """
        let outcomes = try StrategyOutcome.parse(Data(body.utf8))
        #expect(outcomes == [
            StrategyOutcome(
                alias: "race", strategy: "race", requests: 10, hedges: 0, raced: 20, cancelled: 10, wastedPromptTokens: 100,
                wastedCompletionTokens: 2, raceWins: ["a 6/10", "b 4/10"])
        ])
        #expect(StrategyOutcome.table(outcomes).contains("10.2"), "wasted tokens per request")
    }
}
