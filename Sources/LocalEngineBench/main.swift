import BenchKit
import Embeddings
import Foundation
import LocalEngine
import SalesCore

// Per-turn latency of the local engine as the pipeline runs it (opt-out guard, capture,
// detect, and a second detect when the reconcile policy asks), and of each step alone,
// with and without the token model side by side: build in release and run
// `swift run -c release LocalEngineBench golden/test.jsonl golden/shift.jsonl`.
let paths = CommandLine.arguments.dropFirst().isEmpty ? ["golden/test.jsonl"] : Array(CommandLine.arguments.dropFirst())
let turns = try paths.flatMap { try GoldenFile.load(path: $0) }
let embedder = try StaticEmbedder.bundled()
let playbook = Playbook(slotDescriptions: [:], situationDescriptions: [:], principles: [], rules: [])
var withoutTokens = LocalModel.shipped
withoutTokens.tokens = nil
let engines = [("shipped", LocalEngine(model: .shipped, playbook: playbook, embedder: embedder)),
    ("without token model", LocalEngine(model: withoutTokens, playbook: playbook, embedder: embedder))]
let optOut = OptOutGuard()
let rulesOnly = OptOutGuard(model: nil)
let reconcile = ReconcilePolicy()

func runTurn(_ turn: GoldenTurn, _ engine: LocalEngine) -> Situation {
    if optOut.check(message: turn.message, history: turn.history) != nil { return .optOut }
    let captured = engine.capture(message: turn.message, context: turn.context, history: turn.history)
    var detection = engine.detect(message: turn.message, context: turn.context, history: turn.history, optOutChecked: true)
    if !reconcile.reasons(before: turn.context, captured: captured, firstDetection: detection).isEmpty {
        detection = engine.detect(message: turn.message, context: turn.context.merging(captured), history: turn.history, optOutChecked: true)
    }
    return detection.situation
}

func milliseconds(_ work: () -> Void) -> Double {
    let started = ContinuousClock.now
    work()
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

for (_, engine) in engines { for turn in turns.prefix(50) { _ = runTurn(turn, engine) } }  // warm up
var samples: [String: [Double]] = [:]
for _ in 0..<3 {
    for turn in turns {
        for (name, engine) in engines {  // interleaved, so both see the same machine load
            samples["turn, " + name, default: []].append(milliseconds { _ = runTurn(turn, engine) })
            samples["capture, " + name, default: []].append(milliseconds { _ = engine.capture(message: turn.message, context: turn.context, history: turn.history) })
        }
        samples["detect", default: []].append(milliseconds {
            _ = engines[0].1.detect(message: turn.message, context: turn.context, history: turn.history, optOutChecked: true)
        })
        samples["opt-out guard", default: []].append(milliseconds { _ = optOut.check(message: turn.message, history: turn.history) })
        samples["opt-out guard, rules only", default: []].append(milliseconds { _ = rulesOnly.check(message: turn.message, history: turn.history) })
    }
}
print("\(paths.joined(separator: ", ")): \(turns.count) turns × 3 (turn = guard + capture + detect + reconcile)")
for name in ["turn, shipped", "turn, without token model", "capture, shipped", "capture, without token model", "detect", "opt-out guard", "opt-out guard, rules only"] {
    let summary = LatencySummary(samples[name]!)
    print(String(format: "%-30@ ms: p50 %.3f  p95 %.3f  p99 %.3f  max %.3f", name, summary.p50, summary.p95, summary.p99, summary.max))
}
