/// The strategy scenario: the same heavy-tailed providers served by `single`, `fallback`,
/// `race` and `hedge`, then the same four when the first provider accepts requests and never
/// answers, and when it answers 429 to a third of them. Every alias lives on one gateway in
/// front of one simulator; the simulator's draws are independent per request, so two
/// routes to it behave like two providers with the same latency distribution.
public enum StrategyScenario {
    public static let name = "strategies"

    /// One comparison: the four strategies over one kind of first provider.
    public struct Group: Sendable, Hashable {
        /// `heavy-tails`, `never-answers`, `429-bursts`.
        public var name: String
        public var description: String
        /// Alias names, `single` first (the group's baseline).
        public var aliases: [String]

        /// The target label of an alias: its strategy (`single`, `fallback`, …).
        public func label(_ alias: String) -> String {
            alias.split(separator: "-").last.map(String.init) ?? alias
        }
    }

    public static let groups = [
        Group(
            name: "heavy-tails", description: "TTFT median 150 ms, p95 400 ms, 1 % stalls on both providers",
            aliases: ["single", "fallback", "race", "hedge"]),
        Group(
            name: "never-answers", description: "the first provider accepts every request and never answers",
            aliases: ["never-single", "never-fallback", "never-race", "never-hedge"]),
        Group(
            name: "429-bursts", description: "the first provider answers 429 (Retry-After 1 s) to 30 % of requests",
            aliases: ["burst-single", "burst-fallback", "burst-race", "burst-hedge"]),
    ]

    /// What to measure.
    public struct Options: Sendable, Hashable {
        public var load: LoadShape
        public var modes: [BenchRequest.Mode]

        public init(load: LoadShape = .open(rate: 40, duration: .seconds(15)), modes: [BenchRequest.Mode] = [.stream]) {
            self.load = load
            self.modes = modes
        }

        /// A few seconds: 20 req/s for one second per point.
        public static let quick = Options(load: .open(rate: 20, duration: .seconds(1)))
    }

    /// The simulator profile (written to a file and passed to `llm-gateway sim --profile`).
    public static let simProfile = """
        # Written by `llm-gateway bench --scenario strategies`.
        seed: 42
        defaults:
          ttft_ms: {median: 150, p95: 400}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 2
        models:
          heavy-a: {faults: {stall: 0.01}}
          heavy-b: {faults: {stall: 0.01}}
          never: {faults: {stall: 1.0}}
          bursty: {faults: {rate_limit: 0.3, retry_after_s: 1}}

        """

    /// The gateway policy: two providers on the simulator and the twelve aliases.
    public static func gatewayPolicy(simURL: String) -> String {
        let provider = """
            {kind: openai_compatible, base_url: \(simURL), max_in_flight: 1024, max_queue: 4096, first_token_timeout_ms: 2000,
                   retry: {max_attempts: 2, base_delay_ms: 50, max_delay_ms: 1000}}
            """
        let hedge = "{percentile: 95, floor_ms: 50, ceiling_ms: 2000, initial_delay_ms: 400, min_samples: 20, max_extra_ratio: 0.1, window_ms: 30000}"
        var aliases = ""
        for (prefix, first) in [("", "heavy-a"), ("never-", "never"), ("burst-", "bursty")] {
            aliases += """
                  \(prefix)single: {strategy: single, routes: [{provider: pa, model: \(first)}]}
                  \(prefix)fallback: {strategy: fallback, routes: [{provider: pa, model: \(first)}, {provider: pb, model: heavy-b}]}
                  \(prefix)race: {strategy: race, routes: [{provider: pa, model: \(first)}, {provider: pb, model: heavy-b}]}
                  \(prefix)hedge: {strategy: hedge, routes: [{provider: pa, model: \(first)}, {provider: pb, model: heavy-b}], hedge: \(hedge)}

                """
        }
        return """
            # Written by `llm-gateway bench --scenario strategies`.
            server:
              default_timeout_ms: 10000
            providers:
              pa: \(provider)
              pb: \(provider)
            models:
            \(aliases)
            """
    }

    /// Group by group, mode by mode, every strategy in turn.
    public static func runs(gatewayURL: String, group: Group, options: Options) -> [BenchRun] {
        var runs: [BenchRun] = []
        for mode in options.modes {
            for alias in group.aliases {
                let target = LoadTarget.openAICompatible(label: group.label(alias), baseURL: gatewayURL, model: alias)
                runs.append(BenchRun(target: target, request: BenchRequest(mode: mode), load: options.load))
            }
        }
        return runs
    }
}
