import ArgumentParser
import Foundation
import LoadBench

extension BenchCommand {
    /// `--scenario strategies`: single vs fallback vs race vs hedge on heavy-tailed
    /// providers, a provider that never answers, and one that answers 429 in bursts.
    func runStrategies() async throws {
        var options = quick ? StrategyScenario.Options.quick : StrategyScenario.Options()
        if let rates, let rate = BenchArguments.numbers(rates)?.first {
            options.load = .open(rate: rate, duration: options.load.duration, maxRequests: requests)
        }
        if let duration {
            guard let value = BenchArguments.duration(duration), value > .zero else { throw ValidationError("--duration: not a duration: \(duration)") }
            options.load.duration = value
        }
        if let concurrency, let value = BenchArguments.numbers(concurrency)?.first {
            options.load = .closed(concurrency: Int(value), duration: options.load.duration, maxRequests: requests)
        }
        guard let chosenModes = BenchArguments.modes(modes), !chosenModes.isEmpty else {
            throw ValidationError("--modes: use json, stream or json,stream")
        }
        options.modes = chosenModes
        guard let requestTimeout = BenchArguments.duration(timeout) else { throw ValidationError("--timeout: not a duration: \(timeout)") }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llm-gateway-strategies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("sim-strategies.yaml")
        try StrategyScenario.simProfile.write(to: profile, atomically: true, encoding: .utf8)
        var stackOptions = BenchStack.Options()
        stackOptions.simProfile = profile.path
        stackOptions.gatewayPolicy = { StrategyScenario.gatewayPolicy(simURL: $0) }
        let client = LoadGenerator.makeClient(connections: connections ?? 512)
        let stack: BenchStack
        do {
            stack = try await BenchStack.start(stackOptions, client: client)
        } catch {
            try await client.shutdown()
            printError("bench: \(error)")
            throw ExitCode(1)
        }
        let gatewayURL = stack.targets.first { $0.label == "gateway" }.map { String($0.url.dropLast("/v1/chat/completions".count)) } ?? ""
        let runner = ScenarioRunner(
            generator: LoadGenerator(client: client, timeout: requestTimeout), warmupRequests: 0,
            showProgress: !noProgress && isatty(STDERR_FILENO) != 0)
        var reports: [BenchReport] = []
        for group in StrategyScenario.groups {
            let results = await runner.run(StrategyScenario.runs(gatewayURL: gatewayURL, group: group, options: options))
            var facts = environmentFacts(stack.facts)
            facts["group"] = group.description
            let report = BenchReport(scenario: "\(StrategyScenario.name)/\(group.name)", baseline: "single", environment: facts, results: results)
            print("\n\(group.name): \(group.description)")
            print(report.table())
            reports.append(report)
        }
        let outcomes = (try? await StrategyOutcome.read(gatewayURL: gatewayURL, client: client)) ?? []
        print("upstream work per alias (from the gateway's /health/providers)")
        print(StrategyOutcome.table(outcomes))
        await stack.stop()
        try await client.shutdown()
        let json = out == "bench-results/gateway-bench.json" ? "bench-results/gateway-strategies.json" : out
        let chart = svg == "bench-results/gateway-bench.svg" ? "bench-results/gateway-strategies.svg" : svg
        try StrategyDocument(groups: reports, outcomes: outcomes).write(json: json)
        if let first = reports.first {
            try first.svg().write(toFile: chart, atomically: true, encoding: .utf8)
        }
        print("wrote \(json) and \(chart)")
    }
}

/// The strategy scenario's JSON: one report per group, and the gateway's per-alias work.
struct StrategyDocument: Encodable {
    var groups: [BenchReport]
    var outcomes: [StrategyOutcome]

    func write(json path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}
