import Embeddings
import Foundation
import GatewayCache
import GatewayCore
import Testing

/// The shipped threshold and guards against the domain pair set (Tests/Fixtures/semantic-pairs.jsonl):
/// no pair that must not hit may hit; the true-pair hit rate is printed for the record.
@Suite("Semantic calibration")
struct CalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let pairsPath = root.appendingPathComponent("Tests/Fixtures/semantic-pairs.jsonl").path

    static func calibration() throws -> Calibration {
        let text = try String(contentsOfFile: pairsPath, encoding: .utf8)
        let pairs = try CalibrationPairs.parse(text, file: pairsPath)
        let embedder = try StaticEmbedder.bundled()
        return Calibration(pairs: pairs) { VectorMath.dot(embedder.embed($0), embedder.embed($1)) }
    }

    @Test("the shipped threshold with guards serves no wrong hit on the pair set")
    func noWrongHits() throws {
        let calibration = try Self.calibration()
        #expect(calibration.scored.count >= 400)
        let threshold = SemanticDefaults.threshold
        let row = calibration.row(threshold)
        for wrong in calibration.wrongHits(threshold) {
            Issue.record("wrong hit at \(wrong.cosine): [\(wrong.pair.kind)] \(wrong.pair.a) | \(wrong.pair.b)")
        }
        #expect(row.wrongHits == 0)
        let rate = Double(row.trueHits) / Double(max(calibration.truePairs, 1))
        print(
            "semantic calibration: threshold \(threshold), \(calibration.scored.count) pairs, wrong hits \(row.wrongHits) of \(calibration.falsePairs) (unguarded \(row.wrongHitsUnguarded)), true-pair hits \(row.trueHits) of \(calibration.truePairs) (\(Int((rate * 100).rounded())) %)"
        )
    }

    @Test("the embedded default policy and the loader's default use thresholds without wrong hits")
    func defaultPolicyThresholds() throws {
        let calibration = try Self.calibration()
        let policy = try PolicyLoader.parse(yaml: DefaultPolicy.yaml, file: DefaultPolicy.fileName)
        let thresholds = policy.aliases.compactMap { $0.cache?.semanticThreshold }
        #expect(!thresholds.isEmpty, "the embedded default enables the semantic tier")
        for threshold in thresholds {
            #expect(calibration.row(Float(threshold)).wrongHits == 0, "threshold \(threshold)")
        }
        let bareYAML = DefaultPolicy.yaml.replacingOccurrences(of: "semantic: {threshold: 0.92}", with: "semantic: {}")
        #expect(bareYAML != DefaultPolicy.yaml)
        let bare = try PolicyLoader.parse(yaml: bareYAML, file: "bare.yaml")
        for alias in bare.aliases where alias.cache?.semanticThreshold != nil {
            #expect(alias.cache?.semanticThreshold.map(Float.init) == SemanticDefaults.threshold, "semantic: {} takes the calibrated default")
        }
    }

    @Test("every guard category and the swaps are in the pair set")
    func coverage() throws {
        let kinds = Set(try Self.calibration().scored.filter { !$0.pair.same }.map(\.pair.kind))
        for kind in ["number", "money", "percent", "date", "time", "quantity", "proper_name", "vendor", "feature", "negation", "antonym", "order", "role_swap"] {
            #expect(kinds.contains(kind), "no near-miss pairs of kind \(kind)")
        }
    }

    @Test("a bad line names the file and the line")
    func badLine() {
        let text = "{\"a\": \"x\", \"b\": \"y\", \"same\": true}\n\n{\"a\": \"x\", \"same\": true}\n"
        #expect(throws: CalibrationPairError.self) { try CalibrationPairs.parse(text, file: "pairs.jsonl") }
        do {
            _ = try CalibrationPairs.parse(text, file: "pairs.jsonl")
        } catch {
            #expect(error.description.hasPrefix("pairs.jsonl:3:"))
        }
    }
}
