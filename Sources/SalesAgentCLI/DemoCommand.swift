import ArgumentParser
import AsyncHTTPClient
import Foundation
import SalesAgent
import BenchKit
import SalesCore

/// `sales-agent demo`: starts `llm-gateway` on its built-in simulator (seed profile,
/// capture and detect scripted from the golden labels), plays one golden conversation
/// through the real pipeline, and prints each turn with its timings. No keys, no services.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Play a golden conversation through agent → gateway → simulator.")

    @Option(help: "Golden file holding the conversation.")
    var golden = "golden/test.jsonl"

    @Option(help: "Conversation id (default: the first in the file).")
    var conversation: String?

    @Option(help: "Pipeline: parallel or sequential.")
    var mode: PipelineConfiguration.Mode = .parallel

    func run() async throws {
        let turns: [GoldenTurn]
        do {
            turns = try GoldenFile.load(path: golden)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        guard let id = conversation ?? turns.first?.conversation else { throw ValidationError("\(golden) has no conversations") }
        let script = turns.filter { $0.conversation == id }.sorted { ($0.turn ?? 0) < ($1.turn ?? 0) }
        guard !script.isEmpty else { throw ValidationError("no conversation '\(id)' in \(golden)") }
        let profile = try ScriptedSimProfile.write(golden: [golden])
        defer { profile.cleanup() }
        print("starting llm-gateway (built-in simulator, seed profile, scripted capture/detect)…")
        let totals = try await GatewayProcess.with(simProfile: profile.profile) { gatewayURL in
            try await AgentHTTPClient.with { client in
                let options = AgentOptions(backend: .gateway, gatewayURL: gatewayURL, pipeline: PipelineConfiguration(mode: mode))
                let pipeline = try AgentSetup.pipeline(options: options, client: client)
                print("gateway at \(gatewayURL); conversation \(id), \(script.count) customer turns, \(mode.rawValue) pipeline\n")
                var state = SessionState(id: id)
                var totals: [Double] = []
                for turn in script {
                    print("customer> \(turn.message)")
                    let (result, next) = await pipeline.run(state, message: turn.message)
                    state = next
                    totals.append(result.timings.total)
                    print("agent>    \(result.reply)")
                    TurnPrinter.details(result, context: state.context)
                    print("")
                }
                return totals
            }
        }
        let summary = LatencySummary(totals)
        print(String(format: "turn latency ms: p50 %.1f  p95 %.1f  max %.1f over %d turns", summary.p50, summary.p95, summary.max, summary.count))
    }
}
