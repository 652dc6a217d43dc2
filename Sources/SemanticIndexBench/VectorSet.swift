import BenchKit
import Embeddings
import SeededRandom

/// The stored rows and the queries of one measurement: row-major unit vectors, their texts.
struct VectorSet {
    static let queryCount = 200
    let dimension: Int
    let vectors: [Float]
    let texts: [String]
    let queries: [[Float]]
    /// The queries' texts (sentences only; empty for random vectors).
    var queryTexts: [String] = []

    var count: Int { texts.count }

    func row(_ i: Int) -> [Float] { Array(vectors[(i * dimension)..<((i + 1) * dimension)]) }

    /// `count` generated questions through `embedder`; queries: paraphrases of stored ones and unseen ones.
    static func sentences(_ count: Int, embedder: StaticEmbedder) -> VectorSet {
        let texts = (0..<count).map(BenchSentences.question)
        var vectors: [Float] = []
        vectors.reserveCapacity(count * embedder.dimension)
        for text in texts { vectors += embedder.embed(text) }
        var random = SplitMix64(seed: 7)
        let queryTexts = (0..<queryCount).map { q in
            q.isMultiple(of: 2) ? BenchSentences.paraphrase(Int(random.next() % UInt64(count))) : BenchSentences.question(count + q)
        }
        return VectorSet(
            dimension: embedder.dimension, vectors: vectors, texts: texts, queries: queryTexts.map { embedder.embed($0) },
            queryTexts: queryTexts)
    }

    /// `count` seeded random unit vectors; queries: stored rows with a little noise, and fresh ones.
    static func random(_ count: Int, dimension: Int) -> VectorSet {
        var random = SplitMix64(seed: 42)
        var vectors: [Float] = []
        vectors.reserveCapacity(count * dimension)
        for _ in 0..<count { vectors += random.unitVector(dimension) }
        let queries = (0..<queryCount).map { q in
            guard q.isMultiple(of: 2) else { return random.unitVector(dimension) }
            let slot = Int(random.next() % UInt64(count))
            let noise = random.unitVector(dimension)
            var v = (0..<dimension).map { vectors[slot * dimension + $0] + 0.25 * noise[$0] }
            let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for i in v.indices { v[i] /= length }
            return v
        }
        return VectorSet(dimension: dimension, vectors: vectors, texts: (0..<count).map { "question \($0)" }, queries: queries)
    }
}

extension SplitMix64 {
    /// A random unit vector, the same for a seed on every run.
    mutating func unitVector(_ dimension: Int) -> [Float] {
        var vector = (0..<dimension).map { _ in Float(nextUnit()) * 2 - 1 }
        let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for i in vector.indices { vector[i] /= length }
        return vector
    }
}
