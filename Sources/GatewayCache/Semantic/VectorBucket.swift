import Embeddings

/// One bucket's entries: their vectors in one contiguous `Float` buffer (row `i` at
/// `i * dimension`), scanned with SIMD dot products, and an index of normalised texts.
/// Bounded: past `capacity` the oldest entry's slot is reused (a ring). From
/// `search.indexFrom` entries a lookup scans only the candidates of an ``IVFIndex`` (trained
/// here on growth, see ``BucketSearchSettings``), each re-scored on its true vector.
public struct VectorBucket: Sendable {
    /// The length of every vector.
    public let dimension: Int
    /// The most entries kept.
    public let capacity: Int
    /// When and how the bucket indexes its vectors.
    public let search: BucketSearchSettings
    /// The approximate index, once the bucket has reached `search.indexFrom` entries.
    private var index: IVFIndex?
    /// Inserts since the index was last trained, and the entries it was trained on.
    private var insertsSinceTraining = 0
    private var trainedOn = 0
    private var vectors: [Float] = []
    private var entries: [SemanticEntry] = []
    private var byNormalized: [String: Int] = [:]
    /// The slot the next insert reuses once the bucket is full.
    private var oldest = 0

    public init(dimension: Int, capacity: Int, search: BucketSearchSettings = .standard) {
        precondition(dimension > 0 && capacity > 0)
        self.dimension = dimension
        self.capacity = capacity
        self.search = search
    }

    /// How many entries the bucket holds (expired ones included until reused).
    public var count: Int { entries.count }

    /// The lists of the bucket's index; 0 while it scans every vector.
    public var indexLists: Int { index?.lists ?? 0 }

    /// Adds `entry` with its unit `vector`; an entry with the same normalised text is replaced.
    public mutating func insert(_ entry: SemanticEntry, vector: [Float]) {
        precondition(vector.count == dimension, "vector must have the bucket's dimension")
        defer { indexAfterInsert() }
        if let slot = byNormalized[entry.normalized] {
            write(entry, vector: vector, at: slot)
            index?.insert(slot: slot, vector: vector)
            return
        }
        if entries.count < capacity {
            entries.append(entry)
            vectors.append(contentsOf: vector)
            byNormalized[entry.normalized] = entries.count - 1
            index?.insert(slot: entries.count - 1, vector: vector)
            return
        }
        let slot = oldest
        oldest = (oldest + 1) % capacity
        byNormalized[entries[slot].normalized] = nil
        write(entry, vector: vector, at: slot)
        byNormalized[entry.normalized] = slot
        index?.insert(slot: slot, vector: vector)
    }

    /// Trains the index when the bucket reaches `search.indexFrom`, and again once it has taken
    /// `search.retrainAfter` times as many inserts as the last training saw.
    private mutating func indexAfterInsert() {
        insertsSinceTraining += 1
        guard entries.count >= search.indexFrom else { return }
        guard index == nil || insertsSinceTraining >= trainedOn * search.retrainAfter else { return }
        index = IVFIndex(
            training: vectors, dimension: dimension, lists: search.lists(for: entries.count), iterations: search.iterations,
            sampleLimit: search.trainingSample, seed: search.seed)
        trainedOn = entries.count
        insertsSinceTraining = 0
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
    /// `limit`: one pass over the buffer, or over the index's candidates once there is one
    /// (each scored on its true vector, so a result is always one the full pass would accept).
    public func candidates(_ query: [Float], threshold: Float, limit: Int, now: CacheInstant) -> [(entry: SemanticEntry, score: Float)] {
        precondition(query.count == dimension, "query must have the bucket's dimension")
        var best = TopScores(limit: limit)
        let dimension = dimension
        query.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                func consider(_ slot: Int) {
                    let score = VectorMath.dot(q, UnsafeBufferPointer(start: base + slot &* dimension, count: dimension))
                    guard score >= threshold, best.admits(score), entries[slot].expiresAt > now else { return }
                    best.add(slot: slot, score: score)
                }
                if let index {
                    index.forEachCandidate(query, nprobe: search.nprobe(lists: index.lists), consider)
                } else {
                    for slot in 0..<entries.count { consider(slot) }
                }
            }
        }
        return best.items.map { (entries[$0.slot], $0.score) }
    }

    /// How many rows a lookup of `query` scores (all of them without an index): for benchmarks.
    public func scoredRows(_ query: [Float]) -> Int {
        guard let index else { return entries.count }
        var rows = 0
        index.forEachCandidate(query, nprobe: search.nprobe(lists: index.lists)) { _ in rows += 1 }
        return rows
    }

    /// The best score in the bucket against `query` (no threshold, expired entries too): for benchmarks.
    public func bestScore(_ query: [Float]) -> Float {
        candidates(query, threshold: -2, limit: 1, now: CacheInstant(millisecondsSince1970: .min)).first?.score ?? -2
    }
}
