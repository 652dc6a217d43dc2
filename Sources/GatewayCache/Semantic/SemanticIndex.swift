import GatewayCore
import Locking

/// The in-process semantic tier: a ``VectorBucket`` per ``SemanticBucketKey``, each behind its
/// own lock (a scan holds only its bucket), bounded per bucket and in buckets (the least
/// recently used bucket goes first). Lookup: the normalised text first, then the vectors at
/// or above the threshold, best first, through the guards; the first the guards allow hits.
public final class SemanticIndex: Sendable {
    /// The vector length of every bucket.
    public let dimension: Int
    /// The most entries one bucket keeps.
    public let bucketCapacity: Int
    /// The most buckets kept.
    public let maxBuckets: Int
    /// How many candidates at or above the threshold the guards see, at most.
    public let candidateLimit: Int
    /// How each bucket searches (exact scan, then an IVF index past a size).
    public let search: BucketSearchSettings
    /// Where index trainings run (outside the bucket's lock).
    public let trainer: IndexTrainer

    private final class Box: Sendable {
        let bucket: Locked<VectorBucket>
        init(_ bucket: VectorBucket) { self.bucket = Locked(bucket) }
    }

    private struct Table {
        var boxes: [SemanticBucketKey: Box] = [:]
        var lastUse: [SemanticBucketKey: UInt64] = [:]
        var tick: UInt64 = 0
    }

    private let table = Locked(Table())

    public init(
        dimension: Int, bucketCapacity: Int = 100_000, maxBuckets: Int = 10_000, candidateLimit: Int = 8, search: BucketSearchSettings = .standard,
        trainer: IndexTrainer = .inline
    ) {
        self.dimension = dimension
        self.bucketCapacity = bucketCapacity
        self.maxBuckets = maxBuckets
        self.candidateLimit = candidateLimit
        self.search = search
        self.trainer = trainer
    }

    /// Looks `query` up in `bucket` at `threshold` (a cosine).
    public func lookup(_ query: SemanticQuery, in bucket: SemanticBucketKey, threshold: Float, now: CacheInstant) -> SemanticLookup {
        guard let box = box(bucket, create: false) else { return .miss }
        return box.bucket.withLock { bucket in
            if let entry = bucket.entry(normalized: query.normalized, now: now), SemanticGuards.veto(query.profile, entry.profile) == nil {
                return .hit(SemanticHit(answerKey: entry.answerKey, score: 1, cachedText: entry.text, normalizedMatch: true))
            }
            var firstVeto: (GuardVetoReason, Float, String)?
            for (entry, score) in bucket.candidates(query.vector, threshold: threshold, limit: candidateLimit, now: now) {
                guard let reason = SemanticGuards.veto(query.profile, entry.profile) else {
                    return .hit(SemanticHit(answerKey: entry.answerKey, score: score, cachedText: entry.text, normalizedMatch: false))
                }
                if firstVeto == nil { firstVeto = (reason, score, entry.text) }
            }
            guard let firstVeto else { return .miss }
            return .vetoed(firstVeto.0, score: firstVeto.1, cachedText: firstVeto.2)
        }
    }

    /// Adds `entry` with its unit `vector` to `bucket`. When that makes the bucket's index
    /// training due, the training runs on `trainer` outside the lock (lookups and inserts go
    /// on meanwhile) and is installed when done.
    public func insert(_ entry: SemanticEntry, vector: [Float], in bucket: SemanticBucketKey) {
        guard vector.count == dimension, let box = box(bucket, create: true) else { return }
        guard let training = box.bucket.withLock({ $0.insertDeferringTraining(entry, vector: vector) }) else { return }
        trainer.submit {
            let trained = training.run()
            box.bucket.withLock { $0.install(trained) }
        }
    }

    /// Whether `bucket` holds the entry answered by `answerKey` until at least `expiresAt`.
    public func holds(answerKey: String, until expiresAt: CacheInstant, in bucket: SemanticBucketKey) -> Bool {
        guard let box = box(bucket, create: false) else { return false }
        return box.bucket.withLock { $0.holds(answerKey: answerKey, until: expiresAt) }
    }

    /// Whether `bucket` exists here (the shared tier fills a bucket on its first use).
    public func contains(_ bucket: SemanticBucketKey) -> Bool {
        table.withLock { $0.boxes[bucket] != nil }
    }

    /// Entries across all buckets.
    public var entryCount: Int {
        let boxes = table.withLock { Array($0.boxes.values) }
        return boxes.reduce(0) { total, box in total + box.bucket.withLock { $0.count } }
    }

    /// Drops every bucket of `namespace` (its data version moved on).
    public func removeNamespace(_ namespace: String) {
        table.withLock { table in
            for key in table.boxes.keys where key.namespace == namespace {
                table.boxes[key] = nil
                table.lastUse[key] = nil
            }
        }
    }

    private func box(_ key: SemanticBucketKey, create: Bool) -> Box? {
        table.withLock { table in
            table.tick &+= 1
            if let box = table.boxes[key] {
                table.lastUse[key] = table.tick
                return box
            }
            guard create else { return nil }
            if table.boxes.count >= maxBuckets, let coldest = table.lastUse.min(by: { $0.value < $1.value })?.key {
                table.boxes[coldest] = nil
                table.lastUse[coldest] = nil
            }
            let box = Box(VectorBucket(dimension: dimension, capacity: bucketCapacity, search: search))
            table.boxes[key] = box
            table.lastUse[key] = table.tick
            return box
        }
    }
}
