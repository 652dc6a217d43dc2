import ArgumentParser
import Foundation
import LocalEngine
import SalesAgent
import SalesCore

extension FoldGrouping: ExpressibleByArgument {}

extension EvalCommand {
    /// Runs every conversation turn by turn, each turn on the context the engine built from
    /// its own captures so far (history stays what was said). Conversations run concurrently.
    static func understandEndToEnd(_ turns: [GoldenTurn], pipeline: TurnPipeline, concurrency: Int) async -> [Result] {
        var order: [String] = []
        var byConversation: [String: [Int]] = [:]
        for (index, turn) in turns.enumerated() {
            let id = turn.conversation ?? turn.id
            if byConversation[id] == nil { order.append(id) }
            byConversation[id, default: []].append(index)
        }
        let groups = order.map { id in byConversation[id]!.sorted { (turns[$0].turn ?? 0) < (turns[$1].turn ?? 0) } }
        return await withTaskGroup(of: [(Int, Result)].self) { group in
            var results = [Result?](repeating: nil, count: turns.count)
            var next = 0
            func start(_ indices: [Int]) {
                group.addTask {
                    var state = SessionState(id: turns[indices[0]].conversation ?? turns[indices[0]].id)
                    var done: [(Int, Result)] = []
                    for index in indices {
                        let turn = turns[index]
                        state.history = turn.history
                        state.turns = (turn.turn ?? 1) - 1
                        let started = ContinuousClock.now
                        let understanding = await pipeline.understand(state, message: turn.message)
                        let elapsed = ContinuousClock.now - started
                        state.context = state.context.merging(understanding.captured)
                        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                        done.append((index, Result(understanding: understanding, milliseconds: milliseconds)))
                    }
                    return done
                }
            }
            while next < min(concurrency, groups.count) {
                start(groups[next])
                next += 1
            }
            while let finished = await group.next() {
                for (index, result) in finished { results[index] = result }
                if next < groups.count {
                    start(groups[next])
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    /// `--cross-validate N`: the local engine retrained per fold; prints the held-out report.
    func runCrossValidation(_ turns: [GoldenTurn], folds: Int) throws {
        let name = URL(fileURLWithPath: golden).lastPathComponent.lowercased()
        guard !name.contains("test"), !name.contains("shift"), !name.contains("heldout") else {
            throw ValidationError("\(golden) is held out for evaluation; cross-validation trains on it (use the dev split)")
        }
        guard folds >= 2 else { throw ValidationError("--cross-validate needs at least 2 folds") }
        let (report, predicted) = LocalEvaluation.crossValidate(
            turns, folds: folds, grouping: crossValidateBy, embedder: try AgentSetup.bundledEmbedder())
        if let predictions { try PredictionLine.write(gold: turns, predicted: predicted, to: predictions) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            EvalSummary(report: report, results: []).printTables(file: "\(golden) (\(crossValidateBy == .author ? "one fold per author" : "\(folds)-fold"), cross-validation by \(crossValidateBy.rawValue))")
        }
    }
}
