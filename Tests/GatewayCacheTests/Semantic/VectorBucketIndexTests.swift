import Embeddings
import GatewayCache
import GatewayCore
import Testing

/// A bucket past its index threshold (IVF wired in) against the same bucket scanning every
/// vector, on templated support questions through the bundled embedder: the same best match,
/// only matches the full scan also makes (with the same scores), and eviction and expiry obeyed.
@Suite("Vector bucket with its IVF index")
struct VectorBucketIndexTests {
    static let embedder = Result { try StaticEmbedder.bundled() }
    static let now = CacheInstant(millisecondsSince1970: 1_000_000)
    static let later = now + .seconds(3600)
    /// Small enough for a debug build: the index trains at 600 entries into 16 lists, 4 probed.
    static let indexed = BucketSearchSettings(
        indexFrom: 600, rowsPerList: 40, minLists: 16, maxLists: 32, probeShare: 1.0 / 4, minProbe: 4, trainingSample: 600, iterations: 4)

    static let openers = ["How do I", "Can we", "Is there a way to", "Where do I", "Could you help me"]
    static let verbs = ["export", "archive", "share", "merge", "schedule", "approve", "rename", "filter", "tag", "restore"]
    static let objects = ["invoices", "contacts", "quotes", "contracts", "leads", "dashboards", "reports", "tickets", "webhooks", "calendars"]
    static let contexts = ["from the mobile app", "in the admin console", "via the public API", "in bulk", "for our finance team", "inside Slack"]

    /// Question `i` of the 3,000 templated ones (no two share their multiset of words).
    static func question(_ i: Int) -> String {
        let o = openers[i % 5], v = verbs[(i / 5) % 10], b = objects[(i / 50) % 10], c = contexts[(i / 500) % 6]
        return "\(o) \(v) \(b) \(c)?"
    }

    static func fill(_ bucket: inout VectorBucket, count: Int, embedder: StaticEmbedder, expiry: (Int) -> CacheInstant = { _ in later }) {
        for i in 0..<count {
            bucket.insert(SemanticEntry(answerKey: "k\(i)", text: question(i), expiresAt: expiry(i)), vector: embedder.embed(question(i)))
        }
    }

    @Test("past the threshold the index answers the full scan's best match, and only matches the full scan makes")
    func sameBestAsFullScan() throws {
        let embedder = try Self.embedder.get()
        var exact = VectorBucket(dimension: embedder.dimension, capacity: 2_000, search: .bruteForce)
        var indexed = VectorBucket(dimension: embedder.dimension, capacity: 2_000, search: Self.indexed)
        Self.fill(&exact, count: 1_500, embedder: embedder)
        Self.fill(&indexed, count: 1_500, embedder: embedder)
        #expect(exact.indexLists == 0)
        #expect(indexed.indexLists >= 16)
        var fewerScored = 0
        for q in stride(from: 0, to: 1_500, by: 15) {
            let query = embedder.embed("Actually, " + Self.question(q).lowercased())
            let full = exact.candidates(query, threshold: -2, limit: 1, now: Self.now)
            let fast = indexed.candidates(query, threshold: -2, limit: 1, now: Self.now)
            #expect(fast.first?.entry.answerKey == full.first?.entry.answerKey, "query \(q)")
            #expect(fast.first?.entry.answerKey == "k\(q)", "query \(q)")
            let allFull = exact.candidates(query, threshold: 0.8, limit: 1_500, now: Self.now)
            let fullScores = Dictionary(uniqueKeysWithValues: allFull.map { ($0.entry.answerKey, $0.score) })
            for match in indexed.candidates(query, threshold: 0.8, limit: 1_500, now: Self.now) {
                #expect(fullScores[match.entry.answerKey] == match.score, "query \(q): \(match.entry.answerKey)")
            }
            if indexed.scoredRows(query) < exact.scoredRows(query) { fewerScored += 1 }
        }
        #expect(fewerScored == 100, "the index scored fewer rows than the full scan for \(fewerScored) of 100 queries")
    }

    @Test("with the index, an evicted entry is never a match and an expired one stops matching")
    func evictionAndExpiry() throws {
        let embedder = try Self.embedder.get()
        var bucket = VectorBucket(dimension: embedder.dimension, capacity: 1_000, search: Self.indexed)
        let soon = Self.now + .seconds(1)
        Self.fill(&bucket, count: 1_500, embedder: embedder) { $0.isMultiple(of: 2) ? soon : Self.later }
        #expect(bucket.count == 1_000)
        #expect(bucket.indexLists > 0)
        let after = soon + .seconds(1)
        for q in stride(from: 0, to: 1_500, by: 7) {
            let query = embedder.embed(Self.question(q))
            let before = bucket.candidates(query, threshold: 0.5, limit: 1_000, now: Self.now).map(\.entry.answerKey)
            let late = bucket.candidates(query, threshold: 0.5, limit: 1_000, now: after).map(\.entry.answerKey)
            let evicted = (0..<500).map { "k\($0)" }
            #expect(before.allSatisfy { !evicted.contains($0) }, "query \(q) matched an evicted entry")
            #expect(late.allSatisfy { key in Int(key.dropFirst())!.isMultiple(of: 2) == false }, "query \(q) matched an expired entry")
            if q >= 500 {
                #expect(before.first == "k\(q)", "query \(q) should find its own entry before expiry")
                #expect(late.contains("k\(q)") == !q.isMultiple(of: 2), "query \(q)")
            }
        }
    }

    @Test("a growing bucket is trained again when its size calls for 1.5 times the lists")
    func growthRetrains() throws {
        let embedder = try Self.embedder.get()
        var bucket = VectorBucket(dimension: embedder.dimension, capacity: 3_000, search: Self.indexed)
        Self.fill(&bucket, count: 700, embedder: embedder)
        #expect(bucket.indexLists == 16, "trained at 600 entries: 600 / 40 rows per list, at least 16")
        Self.fill(&bucket, count: 1_000, embedder: embedder)
        #expect(bucket.indexLists == 24, "at 960 entries the size calls for 24 lists (16 × 1.5): trained again")
        for i in stride(from: 0, to: 1_000, by: 7) {
            let found = bucket.candidates(embedder.embed(Self.question(i)), threshold: 0.999, limit: 1, now: Self.now)
            #expect(found.first?.entry.answerKey == "k\(i)", "entry \(i) is not in the retrained index")
        }
        #expect(Self.indexed.retrainDue(lists: 16, trainedOn: 600, entries: 959, inserts: 359) == false)
        #expect(Self.indexed.retrainDue(lists: 32, trainedOn: 1_300, entries: 1_300, inserts: 3_900), "turnover alone")
    }
}
