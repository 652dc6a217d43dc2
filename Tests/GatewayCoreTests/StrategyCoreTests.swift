import GatewayCore
import Testing

@Suite("Strategy cores: hedge delay and budget, tier choice, strategy policies")
struct StrategyCoreTests {
    let t0 = ContinuousClock.now

    @Test func hedgeDelayComesFromThePercentileWithinFloorAndCeiling() {
        let config = HedgeConfig(floor: .milliseconds(50), ceiling: .milliseconds(800), initialDelay: .milliseconds(300))
        #expect(config.delay(percentileMilliseconds: 212.5) == .microseconds(212_500))
        #expect(config.delay(percentileMilliseconds: 3) == .milliseconds(50))
        #expect(config.delay(percentileMilliseconds: 5_000) == .milliseconds(800))
        #expect(config.delay(percentileMilliseconds: nil) == .milliseconds(300), "too few samples: the initial delay")
    }

    @Test func budgetNeverLetsHedgesExceedTheRatio() {
        var budget = HedgeBudget(maxExtraRatio: 0.1, window: .seconds(10), now: t0)
        var granted = 0
        for index in 0..<200 {
            let now = t0 + .milliseconds(index * 10)
            budget.recordRequest(now: now)
            if budget.tryHedge(now: now) { granted += 1 }
            let counts = budget.counts(now: now)
            #expect(Double(counts.hedges) <= max(1, 0.1 * Double(counts.requests)))
        }
        #expect(granted == 20)
    }

    /// Issue 8, finding 7: at 10 % a cold alias could hedge only from its tenth request.
    @Test func aColdAliasMayHedgeItsFirstRequest() {
        var budget = HedgeBudget(maxExtraRatio: 0.1, window: .seconds(10), now: t0)
        budget.recordRequest(now: t0)
        let first = budget.tryHedge(now: t0)
        #expect(first)
        budget.recordRequest(now: t0)
        let second = budget.tryHedge(now: t0)
        #expect(!second, "a second hedge waits for the ratio")
        var zero = HedgeBudget(maxExtraRatio: 0, window: .seconds(10), now: t0)
        zero.recordRequest(now: t0)
        let never = zero.tryHedge(now: t0)
        #expect(!never, "a ratio of 0 never hedges")
    }

    @Test func budgetForgetsTrafficOutsideTheWindow() {
        var budget = HedgeBudget(maxExtraRatio: 0.5, window: .seconds(1), now: t0)
        budget.recordRequest(now: t0)
        budget.recordRequest(now: t0)
        let first = budget.tryHedge(now: t0)
        let second = budget.tryHedge(now: t0)
        #expect(first)
        #expect(!second, "a second hedge would be 2 of 2")
        let later = t0 + .seconds(3)
        let counts = budget.counts(now: later)
        #expect(counts.requests == 0 && counts.hedges == 0)
        let empty = budget.tryHedge(now: later)
        #expect(!empty, "no requests in the window: no hedges")
        budget.recordRequest(now: later)
        budget.recordRequest(now: later)
        let again = budget.tryHedge(now: later)
        #expect(again)
    }

    @Test func tierChoiceFollowsThresholdsAndHints() {
        let small = TierConfig(name: "small", routes: [Route(provider: "a", model: "s")], maxChars: 40, maxQuestions: 1)
        let medium = TierConfig(name: "medium", routes: [Route(provider: "a", model: "m")], maxContextChars: 2_000, maxMessages: 10)
        let large = TierConfig(name: "large", routes: [Route(provider: "a", model: "l")])
        let tiers = [small, medium, large]
        func estimate(_ chars: Int, context: Int? = nil, messages: Int = 1, questions: Int = 0) -> ComplexityEstimate {
            ComplexityEstimate(lastMessageChars: chars, contextChars: context ?? chars, messages: messages, questions: questions)
        }
        #expect(TierChooser.choose(tiers, estimate: estimate(20), hint: nil)?.name == "small")
        #expect(TierChooser.choose(tiers, estimate: estimate(20, questions: 2), hint: nil)?.name == "medium")
        #expect(TierChooser.choose(tiers, estimate: estimate(300), hint: nil)?.name == "medium")
        #expect(TierChooser.choose(tiers, estimate: estimate(300, context: 5_000), hint: nil)?.name == "large")
        #expect(TierChooser.choose(tiers, estimate: estimate(300, messages: 11), hint: nil)?.name == "large")
        #expect(TierChooser.choose(tiers, estimate: estimate(20), hint: "large")?.name == "large")
        #expect(TierChooser.choose(tiers, estimate: estimate(20), hint: "unknown")?.name == "small", "an unknown hint is ignored")
    }

    @Test func complexityEstimateReadsTheLastUserMessage() throws {
        let request = ChatRequest(
            model: "m",
            messages: [
                ChatMessage(role: .system, text: "Be brief."),
                ChatMessage(role: .user, text: "First question?"),
                ChatMessage(role: .assistant, text: "Answer."),
                ChatMessage(role: .user, text: "Price? Seats?"),
            ])
        let estimate = ComplexityEstimate(request)
        #expect(estimate.lastMessageChars == 13)
        #expect(estimate.questions == 2)
        #expect(estimate.messages == 4)
        #expect(estimate.contextChars == 9 + 15 + 7 + 13)
    }

    static let strategyPolicy = """
        providers:
          a: {kind: openai, base_url: sim}
          b: {kind: anthropic, base_url: sim}
        models:
          r:
            strategy: race
            routes: [{provider: a, model: x}, {provider: b, model: y}]
          h:
            strategy: hedge
            routes: [{provider: a, model: x}, {provider: b, model: y}]
            hedge: {percentile: 90, floor_ms: 30, ceiling_ms: 900, max_extra_ratio: 0.05}
          t:
            strategy: tier
            tiers:
              - {name: small, max_chars: 200, routes: [{provider: a, model: x}]}
              - {name: large, routes: [{provider: b, model: y}, {provider: a, model: z}]}
        """

    @Test func strategyPoliciesParse() throws {
        let policy = try PolicyLoader.parse(yaml: Self.strategyPolicy, file: "s.yaml")
        #expect(policy.alias(named: "r")?.strategy == .race)
        let hedge = try #require(policy.alias(named: "h"))
        #expect(hedge.hedge.percentile == 90)
        #expect(hedge.hedge.floor == .milliseconds(30))
        #expect(hedge.hedge.maxExtraRatio == 0.05)
        let tier = try #require(policy.alias(named: "t"))
        #expect(tier.tiers.map(\.name) == ["small", "large"])
        #expect(tier.tiers[0].maxChars == 200)
        #expect(tier.routes.count == 3, "a tier alias lists every tier's routes")
    }

    @Test(arguments: [
        ("routes: [{provider: a, model: x}, {provider: b, model: y}]\n    hedge", "routes: [{provider: a, model: x}]\n    hedge", "at least two routes"),
        ("floor_ms: 30, ceiling_ms: 900", "floor_ms: 950, ceiling_ms: 900", "must not exceed"),
        ("max_extra_ratio: 0.05", "max_extra_ratio: 1.5", "0.0"),
        ("- {name: large, routes", "- {name: large, max_chars: 900, routes", "the last tier"),
        ("- {name: large, routes", "- {name: small, routes", "defined twice"),
    ])
    func badStrategyPoliciesNameTheProblem(find: String, replace: String, problem: String) {
        let yaml = Self.strategyPolicy.replacingOccurrences(of: find, with: replace)
        #expect(yaml != Self.strategyPolicy)
        do {
            _ = try PolicyLoader.parse(yaml: yaml, file: "s.yaml")
            Issue.record("expected an error for \(replace)")
        } catch {
            #expect(error.description.hasPrefix("s.yaml:"), "\(error)")
            #expect(error.description.contains(problem), "\(error)")
        }
    }
}
