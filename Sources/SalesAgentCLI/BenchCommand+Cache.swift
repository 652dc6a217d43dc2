import BenchKit
import Foundation
import SalesAgent
import SalesCore

/// The bench's replay passes: the golden conversations, then (when enabled) every
/// conversation again as seeded variants (exact repeat, retype, paraphrase) of its messages.
struct VariantPass {
    var conversations: [[[GoldenTurn]]]
    /// Each variant turn with the golden turn it was made from (for the simulator's script).
    var pairs: [(original: GoldenTurn, variant: GoldenTurn)]

    static func passes(_ golden: [[GoldenTurn]], enabled: Bool, seed: UInt64, out: String) throws -> VariantPass {
        guard enabled else { return VariantPass(conversations: [golden], pairs: []) }
        let variants = MessageVariants.replay(golden, seed: seed)
        let pairs = zip(golden.joined(), variants.joined()).map { (original: $0, variant: $1) }
        try write(pairs, seed: seed, to: out)
        let kinds = Dictionary(grouping: pairs, by: { $0.variant.id.split(separator: "~").last.map(String.init) ?? "" }).mapValues(\.count)
        print("variant pass (seed \(seed)): \(pairs.count) turns, " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "; written to \(out)")
        return VariantPass(conversations: [golden, variants], pairs: pairs)
    }

    /// The variant file: one JSON line per variant turn.
    static func write(_ pairs: [(original: GoldenTurn, variant: GoldenTurn)], seed: UInt64, to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [String] = []
        for (original, variant) in pairs {
            let kind = MessageVariants.Kind(rawValue: variant.id.split(separator: "~").last.map(String.init) ?? "") ?? .exact
            let made = MessageVariants.variant(of: original, kind: kind, seed: seed)
            let line = VariantLine(
                id: variant.id, original: original.id, kind: kind.rawValue, rules: made.rules, message: original.message,
                variant: variant.message, situation: original.situation.rawValue, slots: original.slots)
            lines.append(String(decoding: try encoder.encode(line), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    struct VariantLine: Encodable {
        var id, original, kind: String
        var rules: [String]
        var message, variant, situation: String
        var slots: SlotValues
    }
}

/// A cached capture or detect answer that differs from the gold labels of the message it
/// answered: a wrong cached answer would have reached the customer.
struct WrongHit: Sendable, Encodable {
    var turn: String
    var step: String
    var outcome: String
    var message: String
    var expected: String
    var got: String

    /// The wrong hits of one turn, and how many uncached answers differed from gold.
    static func check(_ result: TurnResult, gold: GoldenTurn) -> ([WrongHit], Int) {
        var wrong: [WrongHit] = []
        var mismatches = 0
        func judge(step: String, report: StepReport?, agrees: Bool, expected: String, got: String) {
            guard let report, report.fallbackReason == nil, let outcome = report.gateway?.cache else { return }
            if CacheReport.isHit(outcome) {
                if !agrees {
                    wrong.append(WrongHit(turn: gold.id, step: step, outcome: outcome, message: gold.message, expected: expected, got: got))
                }
            } else if !agrees {
                mismatches += 1
            }
        }
        judge(
            step: "capture", report: result.steps.capture, agrees: result.capturedSlots == gold.slots,
            expected: describe(gold.slots), got: describe(result.capturedSlots))
        if let first = result.firstSituation {
            judge(
                step: "detect", report: result.steps.detect, agrees: first == gold.situation, expected: gold.situation.rawValue,
                got: first.rawValue)
        }
        judge(
            step: "reconcile", report: result.steps.reconcile, agrees: result.situation == gold.situation,
            expected: gold.situation.rawValue, got: result.situation.rawValue)
        return (wrong, mismatches)
    }

    static func describe(_ slots: SlotValues) -> String {
        slots.entries.map { "\($0.slot.rawValue)=\($0.value)" }.joined(separator: "; ")
    }
}

/// The cache tables of a bench run: hit rate per step, tier and replay kind; wrong hits.
enum CacheReport {
    static func isHit(_ outcome: String) -> Bool { outcome.hasPrefix("hit-") }

    static let steps = ["capture", "detect", "reconcile", "generate"]

    static func printTables(_ results: [BenchResult]) {
        print("\ncache by tier (share of gateway calls)  step: exact / semantic / miss|bypass")
        for result in results {
            let cells = steps.map { step -> String in
                let outcomes = result.cacheOutcomes[step] ?? [:]
                let exact = outcomes["hit-exact"] ?? 0, semantic = outcomes["hit-semantic"] ?? 0
                return String(format: "%@ %4.1f/%4.1f/%4.1f%%", step, exact * 100, semantic * 100, (1 - exact - semantic) * 100)
            }
            print(result.configuration.name.padding(toLength: 22, withPad: " ", startingAt: 0) + cells.joined(separator: "  "))
        }
        print("\nhit rate by replay kind   capture  detect  reconcile  generate")
        for result in results where result.configuration.shape == .cacheable || result.hitRate > 0 {
            for kind in ["original", "exact", "retype", "paraphrase"] {
                guard let rates = result.hitRateByKind[kind] else { continue }
                let cells = steps.map { step in rates[step].map { String(format: "%7.1f%%", $0 * 100) } ?? "      -" }
                print("  \(result.configuration.name) \(kind)".padding(toLength: 26, withPad: " ", startingAt: 0) + cells.joined(separator: " "))
            }
        }
        print("\nall steps: hit rate / wrong hits (cached capture/detect answers that differ from the gold labels) / uncached answers differing from gold")
        for result in results {
            print(String(
                format: "  %@: %.1f%% / %d / %d", result.configuration.name, result.hitRate * 100, result.wrongHits.count,
                result.missMismatches))
            for wrong in result.wrongHits.prefix(50) {
                print("    WRONG HIT \(wrong.turn) \(wrong.step) \(wrong.outcome): \"\(wrong.message)\" expected \(wrong.expected), got \(wrong.got)")
            }
        }
    }

    static func chart(_ results: [BenchResult]) -> SVGBarChart {
        SVGBarChart(
            title: "Sales agent: cache hit rate per step (\(BuildType.current) build)", unit: "%",
            categories: results.map(\.configuration.name),
            series: ["capture", "detect", "generate"].map { step in (step, results.map { $0.cacheHitRate(step) * 100 }) }
                + [("all steps", results.map { $0.hitRate * 100 })])
    }
}
