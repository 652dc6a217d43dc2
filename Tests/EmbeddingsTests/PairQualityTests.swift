import Embeddings
import Testing

/// How the static table ranks sentence pairs compared with the full all-MiniLM-L6-v2.
///
/// Measured when the table was built (scripts/embedder/distill.py, 300 pairs):
/// Spearman 0.853; mean cosines (static / full): paraphrase 0.755 / 0.773,
/// negation 0.942 / 0.847, number change 0.949 / 0.904, related 0.594 / 0.422,
/// unrelated 0.443 / 0.101. Negations and number changes score above paraphrases:
/// mean pooling cannot tell them apart, which the semantic cache's guards must.
@Suite("Pair quality")
struct PairQualityTests {
    /// The floor, set 0.02 below the measured 0.853.
    static let spearmanFloor = 0.83

    let embedder = Fixtures.embedder

    func cosines(_ pairs: [Fixtures.Pair]) -> [Double] {
        pairs.map { Double(VectorMath.dot(embedder.embed($0.a), embedder.embed($0.b))) }
    }

    @Test("Spearman correlation with the full model is at least the floor")
    func spearman() throws {
        let pairs = try Fixtures.pairs()
        #expect(pairs.count >= 300)
        let rho = Statistics.spearman(cosines(pairs), pairs.map(\.full))
        print("Spearman(static, full) over \(pairs.count) pairs: \(rho)")
        #expect(rho >= Self.spearmanFloor)
    }

    @Test("the Swift embedder reproduces the script's static cosines")
    func matchesScript() throws {
        let pairs = try Fixtures.pairs()
        for (pair, cosine) in zip(pairs, cosines(pairs)) {
            #expect(abs(cosine - pair.static) < 1e-4, "\(pair.a) | \(pair.b)")
        }
    }

    @Test("paraphrases score above unrelated and merely related pairs on average")
    func paraphrasesAboveUnrelated() throws {
        let pairs = try Fixtures.pairs()
        let scored = zip(pairs, cosines(pairs))
        var means: [String: Double] = [:]
        for kind in Set(pairs.map(\.kind)) {
            means[kind] = Statistics.mean(scored.filter { $0.0.kind == kind }.map(\.1))
        }
        print("mean cosine by kind: \(means.sorted { $0.key < $1.key })")
        let paraphrase = try #require(means["paraphrase"])
        #expect(paraphrase > means["unrelated", default: 1] + 0.2)
        #expect(paraphrase > means["related", default: 1])
    }
}
