import ArgumentParser
import AsyncHTTPClient
import Foundation
import SalesAgent
import BenchKit
import LocalEngine
import SalesCore

/// `sales-agent eval --golden FILE`: SPEC §5 metrics of capture and detect (with the
/// reconcile) on a golden file, through the local engine or the gateway. Per turn by
/// default (each turn sees its gold context and history); `--end-to-end` gives each turn
/// the context the engine itself built from its earlier turns, so errors carry over;
/// `--cross-validate N` retrains the local engine N times, grouped by conversation, and
/// scores each turn with the model that did not see it (dev files only);
/// `--cross-validate-by author` holds out one author's conversations per fold instead.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Score capture and detect on a golden file.")

    @Option(help: "Golden JSONL file.")
    var golden: String

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @Option(help: "Turns evaluated at once (gateway backend).")
    var concurrency = 8

    @Flag(help: "Each turn's context comes from the engine's own earlier predictions in its conversation.")
    var endToEnd = false

    @Option(help: "Cross-validate the local engine with this many folds, grouped by conversation (dev files only).")
    var crossValidate: Int?

    @Option(help: "Group cross-validation folds by conversation, or by author (one fold per author of the dev lines).")
    var crossValidateBy: FoldGrouping = .conversation

    @Option(help: "Write each turn's gold and predicted labels to this JSONL file (for reading errors on dev).")
    var predictions: String?

    @OptionGroup var agent: AgentCommandOptions

    func run() async throws {
        let turns: [GoldenTurn]
        do {
            turns = try GoldenFile.load(path: golden)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        if let folds = crossValidate {
            try runCrossValidation(turns, folds: folds)
            return
        }
        try await AgentHTTPClient.with(needed: agent.backend == .gateway) { client in
            let pipeline: TurnPipeline
            do {
                pipeline = try AgentSetup.pipeline(options: agent.agentOptions, client: client)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            let workers = agent.backend == .local ? 1 : concurrency
            let results = endToEnd
                ? await Self.understandEndToEnd(turns, pipeline: pipeline, concurrency: workers)
                : await Self.understand(turns, pipeline: pipeline, concurrency: workers)
            let report = Evaluator.report(
                gold: turns, predicted: results.map { TurnPrediction(situation: $0.understanding.detection.situation, slots: $0.understanding.captured) })
            if let predictions {
                try PredictionLine.write(
                    gold: turns, predicted: results.map { TurnPrediction(situation: $0.understanding.detection.situation, slots: $0.understanding.captured) },
                    to: predictions)
            }
            let summary = EvalSummary(report: report, results: results)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } else {
                summary.printTables(file: golden + (endToEnd ? " (end to end)" : " (per turn)"))
            }
        }
    }

    struct Result: Sendable {
        var understanding: TurnPipeline.Understanding
        var milliseconds: Double
    }

    /// Runs capture + detect for every turn on its own gold context and history.
    static func understand(_ turns: [GoldenTurn], pipeline: TurnPipeline, concurrency: Int) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: turns.count)
            var next = 0
            func start(_ index: Int) {
                let turn = turns[index]
                group.addTask {
                    var state = SessionState(id: turn.id, context: turn.context)
                    state.history = turn.history
                    state.turns = (turn.turn ?? 1) - 1
                    let started = ContinuousClock.now
                    let understanding = await pipeline.understand(state, message: turn.message)
                    let elapsed = ContinuousClock.now - started
                    return (index, Result(understanding: understanding, milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000))
                }
            }
            while next < min(concurrency, turns.count) {
                start(next)
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < turns.count {
                    start(next)
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}

/// What `eval` reports: the SPEC §5 metrics plus latency, reconcile and fallback rates.
struct EvalSummary: Encodable {
    var report: EvaluationReport
    var latency: LatencySummary
    var reconcileRate: Double
    var fallbacks: Int

    init(report: EvaluationReport, results: [EvalCommand.Result]) {
        self.report = report
        self.latency = LatencySummary(results.map(\.milliseconds))
        self.reconcileRate = results.isEmpty ? 0 : Double(results.filter { $0.understanding.reconcile != nil }.count) / Double(results.count)
        self.fallbacks = results.reduce(0) { count, result in
            let understanding = result.understanding
            return count + [understanding.capture, understanding.detect].filter { $0.fallbackReason != nil }.count
        }
    }

    enum CodingKeys: String, CodingKey {
        case turns, situationAccuracy = "situation_accuracy", slotPrecision = "slot_precision", slotRecall = "slot_recall"
        case slotF1 = "slot_f1", perSituation = "per_situation", perSlot = "per_slot", confusion, latencyMs = "latency_ms"
        case reconcileRate = "reconcile_rate", fallbacks
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.turns, forKey: .turns)
        try container.encode(report.situationAccuracy, forKey: .situationAccuracy)
        try container.encode(report.slotPrecision, forKey: .slotPrecision)
        try container.encode(report.slotRecall, forKey: .slotRecall)
        try container.encode(report.slotF1, forKey: .slotF1)
        try container.encode(report.perSituation, forKey: .perSituation)
        try container.encode(report.perSlot, forKey: .perSlot)
        try container.encode(report.confusion, forKey: .confusion)
        try container.encode(latency, forKey: .latencyMs)
        try container.encode(reconcileRate, forKey: .reconcileRate)
        try container.encode(fallbacks, forKey: .fallbacks)
    }

    func printTables(file: String) {
        print("\(file): \(report.turns) turns")
        print(String(format: "situation accuracy %.3f   slot precision %.3f  recall %.3f  F1 %.3f", report.situationAccuracy, report.slotPrecision, report.slotRecall, report.slotF1))
        if latency.count > 0 {
            print(String(format: "latency ms p50 %.2f  p95 %.2f  p99 %.2f   reconcile rate %.1f%%   fallbacks %d", latency.p50, latency.p95, latency.p99, reconcileRate * 100, fallbacks))
        }
        print("")
        print("situation               support  predicted  precision  recall")
        for score in report.perSituation {
            print(score.situation.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %8d %10d %10.2f %7.2f", score.support, score.predicted, score.precision, score.recall))
        }
        print("")
        print("slot                    support  predicted  precision  recall     F1")
        for score in report.perSlot {
            print(score.slot.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %8d %10d %10.2f %7.2f %6.2f", score.support, score.predicted, score.precision, score.recall, score.f1))
        }
        print("")
        print("confusion (gold → predicted, off-diagonal):")
        for (gold, row) in report.confusion.sorted(by: { $0.key < $1.key }) {
            let misses = row.filter { $0.key != gold }.sorted { $0.value > $1.value }
            guard !misses.isEmpty else { continue }
            print("  \(gold): " + misses.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
