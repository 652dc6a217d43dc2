import BenchKit
import Embeddings
import Foundation
import GatewayCache
import GatewayCore
import SeededRandom

/// The semantic bucket's search by entry count, in one run: the exact scan with the earlier and
/// the current dot-product kernel, the bucket's exact lookup, and the bucket with its IVF index
/// at several probe shares — p50/p99 per lookup, recall@1 against the exact scan, build time.
/// Data: 256-d vectors of generated support questions (BenchSentences through the bundled
/// embedder) and seeded random unit vectors (the hard case for an index). No embedding timed.
///
///     swift run -c release SemanticIndexBench [--sizes 1000,10000,30000,100000] [--passes 3]
///         [--budget-ms 0.5] [--out docs/bench/semantic-index.json]
@main
struct SemanticIndexBench {
    static let threshold: Float = SemanticDefaults.threshold
    static let probeShares: [Double] = [1.0 / 16, 1.0 / 8, 1.0 / 4]

    static func main() throws {
        let arguments = CommandLineOptions(CommandLine.arguments)
        let sizes = arguments.list("--sizes") ?? [1_000, 10_000, 30_000, 100_000]
        let passes = arguments.int("--passes") ?? 3
        let budget = arguments.double("--budget-ms") ?? 0.5
        let embedder = try StaticEmbedder.bundled()
        var rows: [IndexBenchRow] = []
        for data in ["sentences", "random"] {
            for size in sizes {
                let set = data == "sentences" ? VectorSet.sentences(size, embedder: embedder) : VectorSet.random(size, dimension: embedder.dimension)
                rows += measure(set, data: data, passes: passes)
            }
        }
        var crossover: [String: Int] = [:]
        for data in ["sentences", "random"] {
            let exact = rows.filter { $0.data == data && $0.method == "bucket exact" }
            if let largest = exact.max(by: { $0.entries < $1.entries }), largest.cpu.p99 > 0 {
                crossover[data] = Int(budget / largest.cpu.p99 * Double(largest.entries))
            }
        }
        let report = IndexBenchReport(
            dimension: embedder.dimension, threshold: threshold, budgetMs: budget, queries: VectorSet.queryCount, passes: passes,
            rows: rows, crossover: crossover,
            note: "queries: half paraphrases of stored questions (hits), half unseen questions; random: half perturbed stored vectors")
        IndexBenchTable.print(report)
        if let out = arguments.string("--out") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: out))
        }
    }

    /// Every method on one vector set.
    static func measure(_ set: VectorSet, data: String, passes: Int) -> [IndexBenchRow] {
        let dimension = set.dimension, entries = set.count
        let exactBest = set.queries.map { ScanKernel.after.best($0, in: set.vectors, dimension: dimension) }
        var rows: [IndexBenchRow] = []
        for kernel in ScanKernel.allCases {
            let samples = time(set.queries, passes: passes) { _ = kernel.best($0, in: set.vectors, dimension: dimension) }
            rows.append(row(data, entries, kernel.rawValue, 0, 0, samples, recall: (1, 1), scored: Double(entries), build: 0, locked: 0))
        }
        var settings: [(String, BucketSearchSettings)] = [("bucket exact", .bruteForce)]
        for share in probeShares {
            settings.append(("bucket ivf", BucketSearchSettings(indexFrom: entries, probeShare: share)))
        }
        for (name, search) in settings {
            var bucket = VectorBucket(dimension: dimension, capacity: entries, search: search)
            let expiry = CacheInstant(millisecondsSince1970: .max)
            for i in 0..<(entries - 1) {
                bucket.insert(SemanticEntry(answerKey: "k\(i)", text: set.texts[i], expiresAt: expiry), vector: set.row(i))
            }
            // The insert that makes the training due, as a server runs it: taken and installed
            // under the lock (timed as `locked`), trained outside it.
            let started = threadCPUMilliseconds()
            let training = bucket.insertDeferringTraining(
                SemanticEntry(answerKey: "k\(entries - 1)", text: set.texts[entries - 1], expiresAt: expiry), vector: set.row(entries - 1))
            var locked = threadCPUMilliseconds() - started
            if let training {
                let trained = training.run()
                let installing = threadCPUMilliseconds()
                bucket.install(trained)
                locked += threadCPUMilliseconds() - installing
            }
            let build = threadCPUMilliseconds() - started
            let now = CacheInstant(millisecondsSince1970: 0)
            let samples = time(set.queries, passes: passes) { _ = bucket.candidates($0, threshold: threshold, limit: 8, now: now) }
            var equal = 0, exactHits = 0, bothHits = 0, scored = 0
            for (q, query) in set.queries.enumerated() {
                let got = bucket.candidates(query, threshold: -2, limit: 1, now: now).first?.score ?? -2
                if got == exactBest[q].score { equal += 1 }
                if exactBest[q].score >= threshold {
                    exactHits += 1
                    if got >= threshold { bothHits += 1 }
                }
                scored += bucket.scoredRows(query)
            }
            let lists = bucket.indexLists
            let recall = (Double(equal) / Double(set.queries.count), exactHits == 0 ? 1 : Double(bothHits) / Double(exactHits))
            rows.append(row(
                data, entries, lists == 0 ? name : "\(name) \(lists)/\(search.nprobe(lists: lists))", lists, lists == 0 ? 0 : search.nprobe(lists: lists),
                samples, recall: recall, scored: Double(scored) / Double(set.queries.count), build: lists == 0 ? 0 : build,
                locked: lists == 0 ? 0 : locked))
        }
        if !set.queryTexts.isEmpty { rows.append(indexLookup(set, data: data, passes: passes)) }
        return rows
    }

    /// The whole in-process lookup a request makes (``SemanticIndex/lookup``): the query's
    /// normalised text and guard profile, the normalised-text check, the search and the guards
    /// over the candidates at the threshold; no embedding, no HTTP.
    static func indexLookup(_ set: VectorSet, data: String, passes: Int) -> IndexBenchRow {
        let index = SemanticIndex(dimension: set.dimension, bucketCapacity: set.count, search: .standard)
        let bucket = SemanticBucketKey(namespace: "bench", version: 1, digest: RequestDigest(hashing: Array("bench".utf8)), embedder: "bench")
        let expiry = CacheInstant(millisecondsSince1970: .max)
        for i in 0..<set.count {
            index.insert(SemanticEntry(answerKey: "k\(i)", text: set.texts[i], expiresAt: expiry), vector: set.row(i), in: bucket)
        }
        let now = CacheInstant(millisecondsSince1970: 0)
        var hits = 0
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<passes {
            for (q, vector) in set.queries.enumerated() {
                let cpuStart = threadCPUMilliseconds()
                let started = ContinuousClock.now
                let outcome = index.lookup(SemanticQuery(text: set.queryTexts[q], vector: vector), in: bucket, threshold: threshold, now: now)
                wall.append(milliseconds(ContinuousClock.now - started))
                cpu.append(threadCPUMilliseconds() - cpuStart)
                if case .hit = outcome { hits += 1 }
            }
        }
        let hitShare = Double(hits) / Double(set.queries.count * passes)
        return row(
            data, set.count, "index lookup+guards (hit \(Int((hitShare * 100).rounded())) %)", 0, 0, (wall, cpu), recall: (hitShare, hitShare),
            scored: 0, build: 0, locked: 0)
    }

    static func row(
        _ data: String, _ entries: Int, _ method: String, _ lists: Int, _ nprobe: Int, _ samples: (wall: [Double], cpu: [Double]),
        recall: (Double, Double), scored: Double, build: Double, locked: Double
    ) -> IndexBenchRow {
        IndexBenchRow(
            data: data, entries: entries, method: method, lists: lists, nprobe: nprobe, latency: LatencySummary(samples.wall),
            cpu: LatencySummary(samples.cpu), recallAt1: recall.0,
            thresholdRecall: recall.1, meanScored: scored, buildMs: build, lockedMs: locked)
    }

    /// Per-lookup wall and thread-CPU times in ms of `body` over every query, `passes` times.
    static func time(_ queries: [[Float]], passes: Int, _ body: ([Float]) -> Void) -> (wall: [Double], cpu: [Double]) {
        var wall: [Double] = [], cpu: [Double] = []
        wall.reserveCapacity(queries.count * passes)
        cpu.reserveCapacity(queries.count * passes)
        for _ in 0..<passes {
            for query in queries {
                let cpuStart = threadCPUMilliseconds()
                let started = ContinuousClock.now
                body(query)
                wall.append(milliseconds(ContinuousClock.now - started))
                cpu.append(threadCPUMilliseconds() - cpuStart)
            }
        }
        return (wall, cpu)
    }

    /// This thread's CPU time: unlike the wall clock, it does not count time other processes
    /// of a shared machine held the core.
    static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) * 1e-6
    }

    static func milliseconds(_ elapsed: Duration) -> Double {
        Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
    }
}
