/// How a ``VectorBucket`` searches: an exact scan of its buffer below `indexFrom` entries, an
/// IVF index (``IVFIndex``) from there on, trained on a bounded sample when the bucket reaches
/// `indexFrom` and trained again when its size calls for `retrainGrowth` times the lists, or
/// after it has taken `retrainAfter` times as many inserts as the last training saw (so the
/// index follows growth and turnover at a bounded amortised cost).
/// The index's lists hold the vectors themselves, so the threshold and the guards see the exact
/// cosine and the index can only miss, never add, a match.
public struct BucketSearchSettings: Sendable, Hashable {
    /// Entries from which the bucket searches through the index; `Int.max`: never.
    public var indexFrom: Int
    /// Target entries per list: lists = entries / `rowsPerList`, within `minLists...maxLists`.
    public var rowsPerList: Int
    public var minLists: Int
    public var maxLists: Int
    /// Lists scanned per lookup, as a share of the lists (at least `minProbe`).
    public var probeShare: Double
    public var minProbe: Int
    /// Rows k-means trains on, at most.
    public var trainingSample: Int
    /// Lloyd iterations per training.
    public var iterations: Int
    /// Inserts since the last training, as a multiple of the entries it saw, that trigger the
    /// next (turnover in a full bucket).
    public var retrainAfter: Int
    /// Growth that triggers the next training: when the bucket's size would call for this many
    /// times the lists the index has (so lists stay near `rowsPerList` rows, and a probe's cost
    /// with them, until `maxLists`).
    public var retrainGrowth: Double
    /// The seed of the training sample and the initial centroids.
    public var seed: UInt64

    public init(
        indexFrom: Int, rowsPerList: Int = 400, minLists: Int = 16, maxLists: Int = 128, probeShare: Double = 1.0 / 16, minProbe: Int = 8,
        trainingSample: Int = 4_096, iterations: Int = 6, retrainAfter: Int = 3, retrainGrowth: Double = 1.5, seed: UInt64 = 0x5EED
    ) {
        precondition(indexFrom > 0 && rowsPerList > 0 && minLists > 0 && maxLists >= minLists && minProbe > 0)
        self.indexFrom = indexFrom
        self.rowsPerList = rowsPerList
        self.minLists = minLists
        self.maxLists = maxLists
        self.probeShare = probeShare
        self.minProbe = minProbe
        self.trainingSample = trainingSample
        self.iterations = iterations
        self.retrainAfter = max(1, retrainAfter)
        self.retrainGrowth = max(1.1, retrainGrowth)
        self.seed = seed
    }

    /// The default, from SemanticIndexBench on this 2-core machine (docs/bench/cache.md): the exact
    /// scan of 256-d vectors stays within the lookup budget up to about this many entries.
    public static let standard = BucketSearchSettings(indexFrom: 20_000)

    /// The exact scan at every size.
    public static let bruteForce = BucketSearchSettings(indexFrom: .max)

    /// The lists of an index trained on `entries` entries.
    public func lists(for entries: Int) -> Int {
        min(maxLists, max(minLists, entries / rowsPerList))
    }

    /// Whether an index of `lists` lists trained on `trainedOn` entries is due for training
    /// again, now that the bucket holds `entries` after `inserts` inserts since.
    public func retrainDue(lists: Int, trainedOn: Int, entries: Int, inserts: Int) -> Bool {
        Double(self.lists(for: entries)) >= Double(lists) * retrainGrowth || inserts >= trainedOn * retrainAfter
    }

    /// The lists a lookup scans in an index of `lists` lists.
    public func nprobe(lists: Int) -> Int {
        min(lists, max(minProbe, Int((Double(lists) * probeShare).rounded(.up))))
    }
}
