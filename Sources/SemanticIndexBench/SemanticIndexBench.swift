import SeededRandom
import BenchKit
import GatewayCache

/// Times the brute-force scan of one semantic bucket (the contiguous vector buffer, SIMD dot
/// products) by entry count, and a lookup among many small buckets, with no embedding.
/// Random unit vectors, 256 dimensions, threshold 0.92 (so nearly every lookup scans the
/// whole bucket and finds no candidate: the worst case of the scan).
///
///     swift run -c release SemanticIndexBench [--lookups N]
@main
struct SemanticIndexBench {
    static let dimension = 256
    static let sizes = [1_000, 10_000, 25_000, 50_000, 100_000, 200_000]

    static func main() {
        let arguments = CommandLine.arguments
        let lookups = arguments.firstIndex(of: "--lookups").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 2_000
        var random = SplitMix64(seed: 42)
        let now = CacheInstant(millisecondsSince1970: 0)
        let expiry = now + .seconds(3600)
        print("brute-force scan of one bucket, \(dimension)-d float32, \(lookups) lookups per size (milliseconds):")
        print("  entries    p50       p99       max   ")
        for size in sizes {
            let index = SemanticIndex(dimension: dimension, bucketCapacity: size)
            let bucket = SemanticBucketKey(namespace: "bench", version: 1, digest: RequestDigest(hashing: Array("b".utf8)), embedder: "random")
            for i in 0..<size {
                index.insert(SemanticEntry(answerKey: "k\(i)", text: "question \(i)", expiresAt: expiry), vector: random.unitVector(dimension), in: bucket)
            }
            let queries = (0..<64).map { SemanticQuery(text: "query \($0)", vector: random.unitVector(dimension)) }
            var samples: [Double] = []
            samples.reserveCapacity(lookups)
            for i in 0..<lookups {
                let started = ContinuousClock.now
                let result = index.lookup(queries[i & 63], in: bucket, threshold: 0.92, now: now)
                samples.append(milliseconds(since: started))
                if case .hit = result { print("unexpected hit") }
            }
            let summary = LatencySummary(samples)
            print(pad("\(size)", 11), pad(format(summary.p50), 9), pad(format(summary.p99), 9), format(summary.max))
        }
        let buckets = 1_000, perBucket = 100
        let index = SemanticIndex(dimension: dimension, bucketCapacity: perBucket, maxBuckets: buckets)
        let keys = (0..<buckets).map { SemanticBucketKey(namespace: "bench", version: 1, digest: RequestDigest(hashing: Array("b\($0)".utf8)), embedder: "random") }
        for key in keys {
            for i in 0..<perBucket {
                index.insert(SemanticEntry(answerKey: "k\(i)", text: "question \(i)", expiresAt: expiry), vector: random.unitVector(dimension), in: key)
            }
        }
        let query = SemanticQuery(text: "query", vector: random.unitVector(dimension))
        var samples: [Double] = []
        for i in 0..<lookups {
            let started = ContinuousClock.now
            _ = index.lookup(query, in: keys[i % buckets], threshold: 0.92, now: now)
            samples.append(milliseconds(since: started))
        }
        let summary = LatencySummary(samples)
        print("\(buckets * perBucket) entries over \(buckets) buckets: p50 \(format(summary.p50)) ms, p99 \(format(summary.p99)) ms")
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
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
