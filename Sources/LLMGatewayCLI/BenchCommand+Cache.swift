import ArgumentParser
import Foundation
import LoadBench

extension BenchCommand {
    /// `--scenario cache`: exact hits from the in-process tier and from Redis next to misses
    /// and a direct call to the zero simulator; Redis down; bytes per entry and RSS as the
    /// in-process tier fills; semantic hits at 1k, 10k and 100k entries in one bucket and over
    /// 1,000, with the embed time by message length. `--duration` is the measured time per phase, `--concurrency`
    /// its first value the requests in flight, `--connections` the fill's connections.
    func runCache() async throws {
        var options = quick ? CacheScenario.Options.quick : CacheScenario.Options()
        if let duration {
            guard let value = BenchArguments.duration(duration), value > .zero else { throw ValidationError("--duration: not a duration: \(duration)") }
            options.duration = value
        }
        if let concurrency {
            guard let value = BenchArguments.numbers(concurrency)?.first, value == value.rounded() else {
                throw ValidationError("--concurrency: not a positive integer: \(concurrency)")
            }
            options.concurrency = Int(value)
        }
        if let warmup { options.warmup = warmup }
        if let connections { options.fillConcurrency = max(connections, 1) }
        guard let requestTimeout = BenchArguments.duration(timeout) else { throw ValidationError("--timeout: not a duration: \(timeout)") }

        let client = LoadGenerator.makeClient(connections: max(options.fillConcurrency, options.concurrency, 16))
        let stack: CacheStack
        do {
            stack = try await CacheStack.start(client: client)
        } catch {
            try await client.shutdown()
            printError("bench: \(error)")
            throw ExitCode(1)
        }
        printError("bench: cache scenario, \(stack.servers.values.map { "\($0.role) \($0.url)" }.sorted().joined(separator: ", "))")
        let runner = CacheRunner(
            client: client, timeout: requestTimeout, options: options, showProgress: !noProgress && isatty(STDERR_FILENO) != 0)
        let outcome: CacheRunner.Outcome
        let semantic: CacheRunner.SemanticOutcome
        do {
            outcome = try await runner.run(stack)
            semantic = try await runner.runSemantic(stack)
        } catch {
            await stack.stop()
            try await client.shutdown()
            printError("bench: \(error)")
            throw ExitCode(1)
        }
        await stack.stop()
        try await client.shutdown()
        let embedTimes = try EmbedTiming.measure()
        var facts = environmentFacts(stack.facts)
        facts["concurrency"] = String(options.concurrency)
        facts["phase_duration"] = "\(options.duration)"
        facts["rounds"] = String(options.rounds)
        facts["fill_connections"] = String(options.fillConcurrency)
        facts["semantic_levels"] = options.semanticLevels.map(String.init).joined(separator: ",")
        let semanticRows = semantic.tallies.map(\.phase.name).filter { $0.hasPrefix("hit-semantic@\((options.semanticLevels.last ?? 0) / 1000)k") }
        var report = CacheReport(
            environment: facts, tallies: outcome.tallies + semantic.tallies, footprint: outcome.footprint,
            targets: CacheScenario.targets(filledRow: outcome.filledRow) + CacheScenario.semanticTargets(rows: semanticRows))
        report.semanticFootprint = semantic.footprint
        report.embedTimes = embedTimes
        print(report.table())
        let json = out == "bench-results/gateway-bench.json" ? "bench-results/gateway-cache.json" : out
        let chart = svg == "bench-results/gateway-bench.svg" ? "bench-results/gateway-cache.svg" : svg
        try report.write(json: json, svg: chart)
        print("wrote \(json) and \(chart)")
    }
}
