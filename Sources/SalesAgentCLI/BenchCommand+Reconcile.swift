import BenchKit
import SalesCore

/// A configuration's reconcile numbers (issue 11 §5): how often the policy's triggers fire,
/// how often an LLM reconcile follows, what the local referee costs, and the reply's time
/// to first token.
struct ReconcileSummary: Sendable, Encodable {
    var mode: ReconcilePolicy.Mode
    /// Turns whose reconcile triggers fired (SPEC §2's critical slot, confidence, material change).
    var triggerRate: Double
    /// Turns that ran an LLM reconcile.
    var reconcileRate: Double
    /// Turns a trigger fired on and the local referee kept the first answer.
    var localAgreeRate: Double
    /// The local referee on the updated context, when it ran.
    var checkMs: LatencySummary
    /// Message to the reply's first streamed text.
    var replyFirstTokenMs: LatencySummary
    var turnMsReconciled: LatencySummary
    var turnMsNotReconciled: LatencySummary
    /// Final situation equal to gold. The bench's simulator answers capture and detect with
    /// the gold labels, so this is 1.0 unless a step fell back to the local engine: it shows
    /// the policy loses nothing on the scripted path, not how a real LLM would score.
    var situationAccuracy: Double
    /// Per reconciled turn, max(capture, detect) − capture: how much sooner the reconcile
    /// could start if capture's streamed answer set it off (issue 11 §5's speculative start)
    /// rather than waiting for both calls. An upper bound: on `seed` capture decodes at 0 ms
    /// per token, so its first slot arrives with its last, and the first detect's answer
    /// (which says whether a slot is unexplained) is not known yet at that instant.
    var speculativeStartBoundMs: LatencySummary

    init(mode: ReconcilePolicy.Mode, records: [TurnRecord]) {
        self.mode = mode
        let count = Double(max(records.count, 1))
        triggerRate = Double(records.filter { $0.reconcileAction != .keep }.count) / count
        reconcileRate = Double(records.filter { $0.reconcile != nil }.count) / count
        localAgreeRate = Double(records.filter { $0.reconcileAction == .keepLocalAgrees }.count) / count
        checkMs = LatencySummary(records.compactMap(\.reconcileCheck))
        replyFirstTokenMs = LatencySummary(records.compactMap(\.replyFirstToken))
        turnMsReconciled = LatencySummary(records.filter { $0.reconcile != nil }.map(\.total))
        turnMsNotReconciled = LatencySummary(records.filter { $0.reconcile == nil }.map(\.total))
        situationAccuracy = Double(records.filter(\.situationCorrect).count) / count
        speculativeStartBoundMs = LatencySummary(records.filter { $0.reconcile != nil }.map { max($0.capture, $0.detect) - $0.capture })
    }

    enum CodingKeys: String, CodingKey {
        case mode
        case triggerRate = "trigger_rate", reconcileRate = "reconcile_rate", localAgreeRate = "local_agree_rate"
        case checkMs = "local_check_ms", replyFirstTokenMs = "reply_first_token_ms"
        case turnMsReconciled = "turn_ms_reconciled", turnMsNotReconciled = "turn_ms_not_reconciled"
        case situationAccuracy = "situation_accuracy", speculativeStartBoundMs = "speculative_start_bound_ms"
    }

    static func printTable(_ results: [BenchResult]) {
        print("\nreconcile              mode               trigger  LLM rec.  local kept | turn p50   p95   p99 | reply 1st token p50   p95   p99 | local check p50/p99 | accuracy | spec. start gain p50/p95")
        for result in results {
            let summary = result.reconcile
            print(
                result.configuration.name.padding(toLength: 22, withPad: " ", startingAt: 0) + " "
                    + summary.mode.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(
                        format: " %6.1f%%  %6.1f%%  %8.1f%%  | %7.1f %5.1f %5.1f | %19.1f %5.1f %5.1f | %8.2f / %6.2f   | %.3f    | %5.1f / %5.1f",
                        summary.triggerRate * 100, summary.reconcileRate * 100, summary.localAgreeRate * 100, result.turnMs.p50,
                        result.turnMs.p95, result.turnMs.p99, summary.replyFirstTokenMs.p50, summary.replyFirstTokenMs.p95,
                        summary.replyFirstTokenMs.p99, summary.checkMs.p50, summary.checkMs.p99, summary.situationAccuracy,
                        summary.speculativeStartBoundMs.p50, summary.speculativeStartBoundMs.p95))
        }
    }
}

/// The instant a turn's reply streamed its first text.
actor FirstDelta {
    private var at: ContinuousClock.Instant?

    func mark() {
        if at == nil { at = .now }
    }

    /// Milliseconds from `start` to the first delta; nil when none came.
    func milliseconds(since start: ContinuousClock.Instant) -> Double? {
        guard let at else { return nil }
        let elapsed = at - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
