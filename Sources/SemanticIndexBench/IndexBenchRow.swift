import BenchKit

/// One measured configuration at one size: lookup latency, recall against the exact scan and
/// the one-off cost of building it.
struct IndexBenchRow: Codable {
    /// `sentences` (bundled embedder over BenchSentences) or `random` (seeded unit vectors).
    var data: String
    var entries: Int
    /// `scan …` or `bucket exact` or `bucket ivf lists/nprobe`.
    var method: String
    var lists: Int
    var nprobe: Int
    /// Per lookup, ms of wall time.
    var latency: LatencySummary
    /// Per lookup, ms of this thread's CPU time (what the shared machine's other load does not inflate).
    var cpu: LatencySummary
    /// Share of queries whose best score equals the exact scan's best.
    var recallAt1: Double
    /// Share of the queries the exact scan finds a match ≥ threshold for that this method also finds.
    var thresholdRecall: Double
    /// Mean rows scored per lookup.
    var meanScored: Double
    /// CPU time to build (IVF: the insert that trains), ms.
    var buildMs: Double
    /// Of `buildMs`, what runs under the bucket's lock in a server (taking the training and
    /// installing it; the training itself runs outside), ms.
    var lockedMs: Double
}

/// The whole run, as written to `--out`.
struct IndexBenchReport: Codable {
    var dimension: Int
    var threshold: Float
    var budgetMs: Double
    var queries: Int
    var passes: Int
    var rows: [IndexBenchRow]
    /// Per data kind: the entries at which the exact bucket scan's CPU p99 reaches `budgetMs`
    /// (linear in entries, from the largest size).
    var crossover: [String: Int]
    var note: String
}
