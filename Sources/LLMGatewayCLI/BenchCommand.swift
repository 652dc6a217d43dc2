import ArgumentParser
import Foundation
import LoadBench

/// `llm-gateway bench`: the gateway's load bench. Starts a `zero`-latency simulator and the
/// gateway (and LiteLLM with `--peer litellm`) as child processes, measures direct vs through
/// each gateway, and writes a table, JSON and an SVG chart.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the gateway's overhead over a direct upstream call (and LiteLLM's, side by side).")

    @Option(help: "Scenario: overhead (gateway vs direct vs peers) or strategies (single/fallback/race/hedge).")
    var scenario = "overhead"

    @Option(help: "Open-loop rates in requests per second, comma-separated ('' for none). Default 100,500,1000.")
    var rates: String?

    @Option(help: "Closed-loop concurrencies, comma-separated ('' for none). Default 1,10,100.")
    var concurrency: String?

    @Option(help: "Request modes: json, stream, or both comma-separated.")
    var modes = "json,stream"

    @Option(help: "Length of each measured point (10s, 500ms, 1m). Default 10s.")
    var duration: String?

    @Option(help: "At most this many requests per point.")
    var requests: Int?

    @Flag(help: "A short smoke run (a few seconds): 200 req/s open loop, concurrency 4, 0.5 s per point.")
    var quick = false

    @Option(help: "Unmeasured requests before each point.")
    var warmup: Int?

    @Option(help: "Per-request deadline, queueing included.")
    var timeout = "10s"

    @Option(help: "Connections per host in the client's pool (default: the largest concurrency, at least 128).")
    var connections: Int?

    @Option(help: "Measure this already running gateway instead of starting one.")
    var gatewayURL: String?

    @Option(help: "The model alias the gateway routes to the simulator.")
    var gatewayModel = "bench"

    @Option(help: "Use this already running simulator (OpenAI-compatible) as the direct baseline.")
    var simURL: String?

    @Option(help: "Also measure a peer gateway against the same simulator: litellm.")
    var peer: [String] = []

    @Option(help: "LiteLLM's executable (install: bash bench/litellm.sh install).")
    var litellmBin = ".venv-litellm/bin/litellm"

    @Option(help: "LiteLLM proxy worker processes.")
    var litellmWorkers = 1

    @Option(help: "JSON results file.")
    var out = "bench-results/gateway-bench.json"

    @Option(help: "SVG chart file.")
    var svg = "bench-results/gateway-bench.svg"

    @Flag(help: "No progress line on standard error (there is none when it is not a terminal).")
    var noProgress = false

    @OptionGroup var chaos: ChaosBenchOptions

    func run() async throws {
        if scenario == StrategyScenario.name { return try await runStrategies() }
        if scenario == "chaos" { return try await runChaos() }
        if scenario == CacheScenario.name { return try await runCache() }
        guard scenario == OverheadScenario.name else { throw ValidationError("unknown scenario '\(scenario)'; known: overhead, strategies, chaos, cache") }
        let options = try scenarioOptions()
        guard let requestTimeout = BenchArguments.duration(timeout) else { throw ValidationError("--timeout: not a duration: \(timeout)") }
        var stackOptions = BenchStack.Options()
        stackOptions.simURL = simURL
        stackOptions.gatewayURL = gatewayURL
        stackOptions.gatewayModel = gatewayModel
        stackOptions.liteLLMBinary = litellmBin
        stackOptions.liteLLMWorkers = litellmWorkers
        stackOptions.peers = try peer.map { name in
            guard let peer = BenchStack.Peer(rawValue: name) else { throw ValidationError("unknown peer '\(name)'; known: litellm") }
            return peer
        }
        let largest = max(options.concurrencies.max() ?? 1, options.loads.map(\.concurrencyHint).max() ?? 1)
        let client = LoadGenerator.makeClient(connections: connections ?? max(largest, 128))
        let stack: BenchStack
        do {
            stack = try await BenchStack.start(stackOptions, client: client)
        } catch {
            try await client.shutdown()
            printError("bench: \(error)")
            throw ExitCode(1)
        }
        let runs = OverheadScenario.runs(targets: stack.targets, options: options)
        printError("bench: \(runs.count) points against \(stack.targets.map { "\($0.label) \($0.url)" }.joined(separator: ", "))")
        let runner = ScenarioRunner(
            generator: LoadGenerator(client: client, timeout: requestTimeout),
            warmupRequests: warmup ?? (quick ? 50 : 200), showProgress: !noProgress && isatty(STDERR_FILENO) != 0)
        let results = await runner.run(runs)
        await stack.stop()
        try await client.shutdown()
        let report = BenchReport(
            scenario: OverheadScenario.name, baseline: OverheadScenario.baseline,
            environment: environmentFacts(stack.facts), results: results)
        print(report.table())
        try report.write(json: out, svg: svg)
        print("wrote \(out) and \(svg)")
    }

    /// The scenario's loads from the options, `--quick` supplying the defaults it changes.
    func scenarioOptions() throws -> OverheadScenario.Options {
        var options = quick ? OverheadScenario.Options.quick : OverheadScenario.Options()
        if let rates {
            guard let values = BenchArguments.numbers(rates) else { throw ValidationError("--rates: not a list of positive numbers: \(rates)") }
            options.rates = values
        }
        if let concurrency {
            guard let values = BenchArguments.numbers(concurrency), values.allSatisfy({ $0 == $0.rounded() }) else {
                throw ValidationError("--concurrency: not a list of positive integers: \(concurrency)")
            }
            options.concurrencies = values.map { Int($0) }
        }
        guard let chosenModes = BenchArguments.modes(modes), !chosenModes.isEmpty else {
            throw ValidationError("--modes: use json, stream or json,stream")
        }
        options.modes = chosenModes
        if let duration {
            guard let value = BenchArguments.duration(duration), value > .zero else { throw ValidationError("--duration: not a duration: \(duration)") }
            options.duration = value
        }
        options.maxRequests = requests
        guard !options.loads.isEmpty else { throw ValidationError("nothing to measure: give --rates or --concurrency") }
        return options
    }

    func environmentFacts(_ stackFacts: [String: String]) -> [String: String] {
        var facts = stackFacts
        facts["cores"] = String(ProcessInfo.processInfo.activeProcessorCount)
        #if DEBUG
            facts["build"] = "debug"
        #else
            facts["build"] = "release"
        #endif
        facts["date"] = ISO8601DateFormatter().string(from: Date())
        facts["command"] = CommandLine.arguments.dropFirst().joined(separator: " ")
        return facts
    }
}
