import BenchKit
import SalesAgent
import SalesCore

/// What the demo prints: a plain statement of what is live and what is scripted, each
/// turn's engine answers beside the gold labels, and a summary.
enum DemoPrinter {
    static func explain() {
        print("""

            live in this process:   capture and detect by the local engine (with the opt-out guard), the principle
                                    selector, the reply's round trip agent → llm-gateway → simulator, every timing
            scripted:               the reply text: the simulator serves the golden file's agent reply for this
                                    customer message (with the seed profile's latency); a turn the golden file
                                    never answered gets the local engine's template for the chosen principle
            gold:                   the golden file's labels, printed beside the engine's answers for comparison

            """)
    }

    static func turn(_ result: TurnResult, gold: GoldenTurn, replyScripted: Bool) {
        print("customer> \(gold.message)")
        print("agent>    \(result.reply)")
        print("  reply     " + (replyScripted ? "scripted (golden reply, served by the simulator through the gateway)" : "local template for \(result.principle) (no golden reply for this turn)"))
        let mark = result.situation == gold.situation ? "✓" : "✗"
        let decided = result.decidedBy == .optOutGuard ? " by the opt-out guard (\(result.optOutRule ?? ""))" : ""
        print(String(format: "  detect    %@ %@ (%.2f)%@   gold %@", mark, result.situation.rawValue, result.confidence, decided, gold.situation.rawValue))
        print("  capture   " + describe(result.capturedSlots))
        print("  gold      " + describe(gold.slots))
        print("  principle \(result.principle) [\(result.rule)]")
        let timings = result.timings
        print(String(
            format: "  ms        capture %.2f  detect %.2f  select %.3f  generate %.1f  total %.1f",
            timings.capture, timings.detect, timings.select, timings.generate, timings.total))
        print("")
    }

    static func describe(_ slots: SlotValues) -> String {
        slots.isEmpty ? "(none)" : slots.entries.map { "\($0.slot.rawValue)=\"\($0.value)\"" }.joined(separator: " ")
    }
}

/// The demo's running score of the live engine against the gold labels.
struct DemoTally {
    var turns = 0
    var situationsRight = 0
    var gold: [GoldenTurn] = []
    var predicted: [TurnPrediction] = []
    var totals: [Double] = []

    mutating func add(_ result: TurnResult, gold turn: GoldenTurn) {
        turns += 1
        if result.situation == turn.situation { situationsRight += 1 }
        gold.append(turn)
        predicted.append(TurnPrediction(situation: result.situation, slots: result.capturedSlots))
        totals.append(result.timings.total)
    }

    func printSummary() {
        let report = Evaluator.report(gold: gold, predicted: predicted)
        let latency = LatencySummary(totals)
        print(String(
            format: "local engine on this conversation: situation %d/%d right, slot P %.2f R %.2f F1 %.2f",
            situationsRight, turns, report.slotPrecision, report.slotRecall, report.slotF1))
        print(String(format: "turn latency ms: p50 %.1f  p95 %.1f  max %.1f over %d turns", latency.p50, latency.p95, latency.max, latency.count))
    }
}
