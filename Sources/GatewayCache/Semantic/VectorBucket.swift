import Embeddings
import GatewayCore

/// One bucket's entries and their vectors, scanned with SIMD dot products, and an index of
/// normalised texts. Bounded: past `capacity` the oldest entry's slot is reused (a ring).
/// Below `search.indexFrom` entries the vectors sit in one contiguous buffer (row `i` at
/// `i * dimension`) and a lookup scans it all; from there on an ``IVFIndex`` holds them, list
/// by list, and a lookup scans only the lists nearest the query (trained on growth, see
/// ``BucketSearchSettings``; scores stay exact, so the index can only miss a match).
public struct VectorBucket: Sendable {
    /// The length of every vector.
    public let dimension: Int
    /// The most entries kept.
    public let capacity: Int
    /// When and how the bucket indexes its vectors.
    public let search: BucketSearchSettings
    /// The vectors while the bucket has no index (empty once it has one).
    private var flat: [Float] = []
    /// The index, holding every vector, once the bucket has reached `search.indexFrom` entries.
    private var index: IVFIndex?
    /// Inserts since the index was last trained, and the entries it was trained on.
    private var insertsSinceTraining = 0
    private var trainedOn = 0
    /// While a training taken from this bucket runs: the slots written since it was taken.
    private var writtenDuringTraining: [Int]?
    private var entries: [SemanticEntry] = []
    private var byNormalized: [String: Int] = [:]
    /// The slot of each entry's answer key (one answer per question text, so one slot).
    private var byAnswerKey: [String: Int] = [:]
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

    /// Whether a training taken from this bucket has not been installed yet.
    public var isTraining: Bool { writtenDuringTraining != nil }

    /// Adds `entry` with its unit `vector` (an entry with the same normalised text is replaced)
    /// and trains the index here when it is due: for a single owner, such as a benchmark.
    public mutating func insert(_ entry: SemanticEntry, vector: [Float]) {
        if let training = insertDeferringTraining(entry, vector: vector) { install(training.run()) }
    }

    /// Adds `entry` with its unit `vector`, as ``insert(_:vector:)``, and returns the index
    /// training that became due for the caller to run outside any lock and hand back to
    /// ``install(_:)``; nil when none is due or one is already running.
    public mutating func insertDeferringTraining(_ entry: SemanticEntry, vector: [Float]) -> IVFTraining? {
        precondition(vector.count == dimension, "vector must have the bucket's dimension")
        let slot: Int
        if let existing = byNormalized[entry.normalized] {
            slot = existing
            byAnswerKey[entries[slot].answerKey] = nil
            entries[slot] = entry
        } else if entries.count < capacity {
            slot = entries.count
            entries.append(entry)
            byNormalized[entry.normalized] = slot
        } else {
            slot = oldest
            oldest = (oldest + 1) % capacity
            byNormalized[entries[slot].normalized] = nil
            byAnswerKey[entries[slot].answerKey] = nil
            entries[slot] = entry
            byNormalized[entry.normalized] = slot
        }
        byAnswerKey[entry.answerKey] = slot
        store(vector, at: slot)
        writtenDuringTraining?.append(slot)
        insertsSinceTraining += 1
        return trainingIfDue()
    }

    private mutating func store(_ vector: [Float], at slot: Int) {
        if index != nil {
            index?.insert(slot: slot, vector: vector)
        } else if slot * dimension == flat.count {
            flat.append(contentsOf: vector)
        } else {
            flat.withUnsafeMutableBufferPointer { buffer in
                for k in 0..<dimension { buffer[slot * dimension + k] = vector[k] }
            }
        }
    }

    /// A training when the bucket reaches `search.indexFrom`, and again when it has grown to
    /// need `search.retrainGrowth` times the lists, or taken `search.retrainAfter` times as many
    /// inserts as the last training saw.
    private mutating func trainingIfDue() -> IVFTraining? {
        guard writtenDuringTraining == nil, entries.count >= search.indexFrom else { return nil }
        if let index, !search.retrainDue(lists: index.lists, trainedOn: trainedOn, entries: entries.count, inserts: insertsSinceTraining) {
            return nil
        }
        writtenDuringTraining = []
        return IVFTraining(
            source: index.map { .index($0) } ?? .flat(flat), rows: entries.count, dimension: dimension,
            lists: search.lists(for: entries.count), settings: search)
    }

    /// Installs the index a training taken from this bucket produced: the slots written since
    /// the training was taken move into it, and it replaces the buffer or the older index.
    public mutating func install(_ trained: IVFIndex) {
        guard let written = writtenDuringTraining, trained.dimension == dimension else { return }
        var trained = trained
        for slot in Set(written).sorted() {
            guard let vector = vector(of: slot) else { continue }
            trained.insert(slot: slot, vector: vector)
        }
        index = trained
        flat = []
        trainedOn = entries.count
        insertsSinceTraining = written.count
        writtenDuringTraining = nil
    }

    /// The vector stored for `slot`.
    private func vector(of slot: Int) -> [Float]? {
        if let index { return index.vector(of: slot) }
        guard slot >= 0, (slot + 1) * dimension <= flat.count else { return nil }
        return Array(flat[(slot * dimension)..<((slot + 1) * dimension)])
    }

    /// Whether the bucket holds the entry answered by `answerKey`, until at least `expiresAt`
    /// (a refill from the shared tier skips it instead of decoding and inserting it again).
    public func holds(answerKey: String, until expiresAt: CacheInstant) -> Bool {
        guard let slot = byAnswerKey[answerKey] else { return false }
        return entries[slot].expiresAt >= expiresAt
    }

    /// The live entry whose normalised text is `normalized`.
    public func entry(normalized: String, now: CacheInstant) -> SemanticEntry? {
        guard let slot = byNormalized[normalized], entries[slot].expiresAt > now else { return nil }
        return entries[slot]
    }

    /// The live entries scoring at least `threshold` against `query`, best first, at most
    /// `limit`: one pass over the buffer, or over the lists the index probes once there is one.
    public func candidates(_ query: [Float], threshold: Float, limit: Int, now: CacheInstant) -> [(entry: SemanticEntry, score: Float)] {
        precondition(query.count == dimension, "query must have the bucket's dimension")
        var best = TopScores(limit: limit)
        func consider(_ slot: Int, _ score: Float) {
            guard score >= threshold, best.admits(score), entries[slot].expiresAt > now else { return }
            best.add(slot: slot, score: score)
        }
        if let index {
            index.forEachScored(query, nprobe: search.nprobe(lists: index.lists), consider)
        } else {
            let dimension = dimension
            query.withUnsafeBufferPointer { q in
                flat.withUnsafeBufferPointer { all in
                    guard let base = all.baseAddress else { return }
                    for slot in 0..<entries.count {
                        consider(slot, VectorMath.dot(q, UnsafeBufferPointer(start: base + slot &* dimension, count: dimension)))
                    }
                }
            }
        }
        return best.items.map { (entries[$0.slot], $0.score) }
    }

    /// How many rows a lookup of `query` scores (all of them without an index): for benchmarks.
    public func scoredRows(_ query: [Float]) -> Int {
        guard let index else { return entries.count }
        return index.scoredRows(query, nprobe: search.nprobe(lists: index.lists))
    }

    /// The best score in the bucket against `query` (no threshold, expired entries too): for benchmarks.
    public func bestScore(_ query: [Float]) -> Float {
        candidates(query, threshold: -2, limit: 1, now: CacheInstant(millisecondsSince1970: .min)).first?.score ?? -2
    }
}
