import Embeddings

/// One bucket's entries: their vectors in one contiguous `Float` buffer (row `i` at
/// `i * dimension`), scanned with SIMD dot products, and an index of normalised texts.
/// Bounded: past `capacity` the oldest entry's slot is reused (a ring).
public struct VectorBucket: Sendable {
    /// The length of every vector.
    public let dimension: Int
    /// The most entries kept.
    public let capacity: Int
    private var vectors: [Float] = []
    private var entries: [SemanticEntry] = []
    private var byNormalized: [String: Int] = [:]
    /// The slot the next insert reuses once the bucket is full.
    private var oldest = 0

    public init(dimension: Int, capacity: Int) {
        precondition(dimension > 0 && capacity > 0)
        self.dimension = dimension
        self.capacity = capacity
    }

    /// How many entries the bucket holds (expired ones included until reused).
    public var count: Int { entries.count }

    /// Adds `entry` with its unit `vector`; an entry with the same normalised text is replaced.
    public mutating func insert(_ entry: SemanticEntry, vector: [Float]) {
        precondition(vector.count == dimension, "vector must have the bucket's dimension")
        if let slot = byNormalized[entry.normalized] {
            write(entry, vector: vector, at: slot)
            return
        }
        if entries.count < capacity {
            entries.append(entry)
            vectors.append(contentsOf: vector)
            byNormalized[entry.normalized] = entries.count - 1
            return
        }
        let slot = oldest
        oldest = (oldest + 1) % capacity
        byNormalized[entries[slot].normalized] = nil
        write(entry, vector: vector, at: slot)
        byNormalized[entry.normalized] = slot
    }

    private mutating func write(_ entry: SemanticEntry, vector: [Float], at slot: Int) {
        entries[slot] = entry
        vectors.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<dimension { buffer[slot * dimension + k] = vector[k] }
        }
    }

    /// The live entry whose normalised text is `normalized`.
    public func entry(normalized: String, now: CacheInstant) -> SemanticEntry? {
        guard let slot = byNormalized[normalized], entries[slot].expiresAt > now else { return nil }
        return entries[slot]
    }

    /// The live entries scoring at least `threshold` against `query`, best first, at most
    /// `limit`: one pass over the buffer.
    public func candidates(_ query: [Float], threshold: Float, limit: Int, now: CacheInstant) -> [(entry: SemanticEntry, score: Float)] {
        precondition(query.count == dimension, "query must have the bucket's dimension")
        var best: [(slot: Int, score: Float)] = []
        let dimension = dimension
        query.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                for slot in 0..<entries.count {
                    let score = VectorMath.dot(q, UnsafeBufferPointer(start: base + slot &* dimension, count: dimension))
                    guard score >= threshold, best.count < limit || score > best[best.count - 1].score else { continue }
                    guard entries[slot].expiresAt > now else { continue }
                    let at = best.firstIndex { $0.score < score } ?? best.count
                    best.insert((slot, score), at: at)
                    if best.count > limit { best.removeLast() }
                }
            }
        }
        return best.map { (entries[$0.slot], $0.score) }
    }

    /// The best score in the bucket against `query` (no threshold, expired entries too): for benchmarks.
    public func bestScore(_ query: [Float]) -> Float {
        candidates(query, threshold: -2, limit: 1, now: CacheInstant(millisecondsSince1970: .min)).first?.score ?? -2
    }
}
