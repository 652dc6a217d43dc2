import BenchKit
import Embeddings
import Foundation
import LocalEngine
import SalesCore

// Per-turn latency of the local engine as the pipeline runs it (opt-out guard, capture,
// detect, and a second detect when the reconcile policy asks): build in release and run
// `swift run -c release LocalEngineBench golden/test.jsonl golden/shift.jsonl`.
let paths = CommandLine.arguments.dropFirst().isEmpty ? ["golden/test.jsonl"] : Array(CommandLine.arguments.dropFirst())
let turns = try paths.flatMap { try GoldenFile.load(path: $0) }
let embedder = try StaticEmbedder.bundled()
let engine = LocalEngine(model: .shipped, playbook: Playbook(slotDescriptions: [:], situationDescriptions: [:], principles: [], rules: []), embedder: embedder)
let optOut = OptOutGuard()
let reconcile = ReconcilePolicy()

func runTurn(_ turn: GoldenTurn) -> Situation {
    if optOut.check(message: turn.message, history: turn.history) != nil { return .optOut }
    let captured = engine.capture(message: turn.message, context: turn.context, history: turn.history)
    var detection = engine.detect(message: turn.message, context: turn.context, history: turn.history, optOutChecked: true)
    if !reconcile.reasons(before: turn.context, captured: captured, firstDetection: detection).isEmpty {
        detection = engine.detect(message: turn.message, context: turn.context.merging(captured), history: turn.history, optOutChecked: true)
    }
    return detection.situation
}

for turn in turns.prefix(50) { _ = runTurn(turn) }  // warm up
var samples: [Double] = []
var guardSamples: [Double] = []
for _ in 0..<3 {
    for turn in turns {
        let started = ContinuousClock.now
        _ = runTurn(turn)
        let elapsed = ContinuousClock.now - started
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        let guardStarted = ContinuousClock.now
        _ = optOut.check(message: turn.message, history: turn.history)
        let guardElapsed = ContinuousClock.now - guardStarted
        guardSamples.append(Double(guardElapsed.components.seconds) * 1000 + Double(guardElapsed.components.attoseconds) / 1e15)
    }
}
let turn = LatencySummary(samples)
let guardOnly = LatencySummary(guardSamples)
print("\(paths.joined(separator: ", ")): \(turns.count) turns × 3")
print(String(format: "turn (guard + capture + detect + reconcile) ms: p50 %.3f  p95 %.3f  p99 %.3f  max %.3f", turn.p50, turn.p95, turn.p99, turn.max))
print(String(format: "opt-out guard alone ms: p50 %.3f  p95 %.3f  p99 %.3f  max %.3f", guardOnly.p50, guardOnly.p95, guardOnly.p99, guardOnly.max))
