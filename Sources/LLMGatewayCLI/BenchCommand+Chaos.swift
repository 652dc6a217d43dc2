import ArgumentParser
import BenchKit
import Foundation
import LoadBench

/// The options only `--scenario chaos` reads.
struct ChaosBenchOptions: ParsableArguments {
    @Option(help: "chaos: normal client requests per second on the gateway (open loop; JSON and streamed).")
    var rate: Double = 50

    @Option(help: "chaos: agent requests (turns, new sessions) per second.")
    var agentRate: Double = 4

    @Option(help: "chaos: JSON results file (default bench-results/chaos.json; the SVG goes beside it unless --svg).")
    var json: String?
}

extension BenchCommand {
    /// `--scenario chaos`: a fault soak. Two simulators, the gateway falling back across them
    /// and the agent in front, under open-loop load while a schedule injects one fault after
    /// another; one row per fault window. `--duration` (default 120 s, 40 s with `--quick`).
    func runChaos() async throws {
        var options = ChaosRunner.Options()
        options.rate = chaos.rate
        options.agentRate = chaos.agentRate
        options.duration = quick ? .seconds(40) : .seconds(120)
        if let duration {
            guard let value = BenchArguments.duration(duration), value >= .seconds(10) else {
                throw ValidationError("--duration: at least 10s for the chaos scenario: \(duration)")
            }
            options.duration = value
        }
        guard options.rate > 0, options.agentRate >= 0 else { throw ValidationError("--rate must be positive, --agent-rate not negative") }
        guard let requestTimeout = BenchArguments.duration(timeout) else { throw ValidationError("--timeout: not a duration: \(timeout)") }
        options.timeout = max(requestTimeout, .seconds(15))
        let json = chaos.json ?? "bench-results/chaos.json"
        let chart = svg == "bench-results/gateway-bench.svg" ? String(json.dropLast(json.hasSuffix(".json") ? 5 : 0)) + ".svg" : svg

        let client = LoadGenerator.makeClient(connections: connections ?? 512)
        let stack: ChaosStack
        do {
            stack = try await ChaosStack.start(client: client)
        } catch {
            try await client.shutdown()
            printError("bench: \(error)")
            throw ExitCode(1)
        }
        printError(
            "bench: chaos for \(options.duration) at \(Int(options.rate)) req/s (+\(options.agentRate) agent req/s): sims \(stack.simURLs.joined(separator: ", ")), gateway \(stack.gatewayURL), agent \(stack.agentURL)"
        )
        let schedule = ChaosSchedule(length: options.duration)
        let progress = noProgress ? nil : ProgressLine(label: "chaos", total: 1)
        var report = await ChaosRunner(stack: stack, client: client, options: options, progress: progress).run(schedule: schedule)
        await stack.stop()
        try await client.shutdown()
        report.environment = environmentFacts([
            "sims": stack.simURLs.joined(separator: ", "), "gateway": stack.gatewayURL, "agent": stack.agentURL,
        ])
        print(report.table())
        try report.write(json: json, svg: chart)
        print("wrote \(json) and \(chart)")
    }
}
