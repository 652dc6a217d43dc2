import ArgumentParser
import AsyncHTTPClient
import Foundation
import SalesAgent
import BenchKit
import SalesCore

/// `sales-agent demo`: plays one golden conversation through the real pipeline. Capture,
/// detect (with the opt-out guard) and the selector run live in this process on the local
/// engine; the reply goes through a real `llm-gateway` to its built-in simulator (seed
/// profile), which serves the golden file's agent reply for that message. Each turn prints
/// the engine's own answers beside the gold labels. No keys, no services.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Play a golden conversation: live local capture/detect, replies through agent → gateway → simulator.")

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
        let profile = try ScriptedSimProfile.write(golden: [golden], repliesOnly: true)
        defer { profile.cleanup() }
        print("starting llm-gateway (built-in simulator, seed profile)…")
        let tally = try await GatewayProcess.with(simProfile: profile.profile) { gatewayURL in
            try await AgentHTTPClient.with { client in
                let pipelines = try DemoPipelines(gatewayURL: gatewayURL, client: client, mode: mode)
                print("gateway at \(gatewayURL); conversation \(id), \(script.count) customer turns, \(mode.rawValue) pipeline")
                DemoPrinter.explain()
                var state = SessionState(id: id)
                var tally = DemoTally()
                for turn in script {
                    let scripted = SimScript.goldReply(turn, in: turns) != nil
                    let pipeline = scripted ? pipelines.scriptedReply : pipelines.localReply
                    let (result, next) = await pipeline.run(state, message: turn.message)
                    state = next
                    tally.add(result, gold: turn)
                    DemoPrinter.turn(result, gold: turn, replyScripted: scripted)
                    if state.closed { break }
                }
                return tally
            }
        }
        tally.printSummary()
    }
}

/// The demo's two pipelines: local capture/detect with the reply through the gateway, and
/// the same with the reply from local templates (a turn the golden file never answered).
struct DemoPipelines {
    let scriptedReply: TurnPipeline
    let localReply: TurnPipeline

    init(gatewayURL: String, client: HTTPClient?, mode: PipelineConfiguration.Mode) throws {
        let embedder = try AgentSetup.bundledEmbedder()
        let local = try AgentSetup.pipeline(
            options: AgentOptions(backend: .local, pipeline: PipelineConfiguration(mode: mode)), client: nil, embedder: embedder)
        let gateway = try AgentSetup.pipeline(
            options: AgentOptions(
                backend: .gateway, gatewayURL: gatewayURL, pipeline: PipelineConfiguration(mode: mode), acceptSimulatedReplies: true),
            client: client, embedder: embedder)
        scriptedReply = TurnPipeline(
            capture: local.capture, detect: local.detect, generate: gateway.generate, selector: local.selector,
            configuration: local.configuration)
        localReply = local
    }
}
