import GatewayCache
import Testing

@Suite("Semantic index")
struct SemanticIndexTests {
    static let now = CacheInstant(millisecondsSince1970: 1_000_000)
    static let later = now + .seconds(3600)

    /// A unit vector along axis `index` of 4, tilted toward axis 3 by `tilt`.
    static func vector(_ index: Int, tilt: Float = 0) -> [Float] {
        var v: [Float] = [0, 0, 0, 0]
        v[index] = 1
        v[3] += tilt
        let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / length }
    }

    static func bucket(_ namespace: String = "default", version: UInt64 = 1) -> SemanticBucketKey {
        SemanticBucketKey(namespace: namespace, version: version, digest: RequestDigest(hashing: Array("bucket".utf8)), embedder: "test")
    }

    func index(capacity: Int = 100) -> SemanticIndex {
        SemanticIndex(dimension: 4, bucketCapacity: capacity)
    }

    @Test("a close vector hits with its score; a far one misses")
    func hitAndMiss() throws {
        let index = index()
        index.insert(SemanticEntry(answerKey: "k1", text: "How much is the Pro plan?", expiresAt: Self.later), vector: Self.vector(0), in: Self.bucket())
        let close = SemanticQuery(text: "What does the Pro plan cost?", vector: Self.vector(0, tilt: 0.2))
        guard case .hit(let hit) = index.lookup(close, in: Self.bucket(), threshold: 0.9, now: Self.now) else {
            Issue.record("expected a hit")
            return
        }
        #expect(hit.answerKey == "k1")
        #expect(hit.score > 0.9 && hit.score < 1)
        #expect(!hit.normalizedMatch)
        let far = SemanticQuery(text: "What does the Pro plan cost?", vector: Self.vector(1))
        guard case .miss = index.lookup(far, in: Self.bucket(), threshold: 0.9, now: Self.now) else {
            Issue.record("expected a miss")
            return
        }
    }

    @Test("a retype hits on the normalised text whatever its vector")
    func normalizedMatch() {
        let index = index()
        index.insert(SemanticEntry(answerKey: "k1", text: "How much is the Pro plan?", expiresAt: Self.later), vector: Self.vector(0), in: Self.bucket())
        let retyped = SemanticQuery(text: "how much is the pro plan", vector: Self.vector(2))
        guard case .hit(let hit) = index.lookup(retyped, in: Self.bucket(), threshold: 0.99, now: Self.now) else {
            Issue.record("expected a hit")
            return
        }
        #expect(hit.normalizedMatch && hit.score == 1)
    }

    @Test("the guards veto an identical vector with another number, and a better candidate still hits")
    func vetoThenHit() {
        let index = index()
        index.insert(SemanticEntry(answerKey: "k50", text: "Price for 50 seats?", expiresAt: Self.later), vector: Self.vector(0), in: Self.bucket())
        let query = SemanticQuery(text: "Price for 80 seats?", vector: Self.vector(0))
        guard case .vetoed(let reason, let score, _) = index.lookup(query, in: Self.bucket(), threshold: 0.9, now: Self.now) else {
            Issue.record("expected a veto")
            return
        }
        #expect(reason == .number && score > 0.99)
        index.insert(SemanticEntry(answerKey: "k80", text: "What's the price for 80 seats?", expiresAt: Self.later), vector: Self.vector(0, tilt: 0.1), in: Self.bucket())
        guard case .hit(let hit) = index.lookup(query, in: Self.bucket(), threshold: 0.9, now: Self.now) else {
            Issue.record("expected a hit")
            return
        }
        #expect(hit.answerKey == "k80")
    }

    @Test("namespaces and versions never share entries")
    func isolation() {
        let index = index()
        index.insert(SemanticEntry(answerKey: "k1", text: "How much is Pro?", expiresAt: Self.later), vector: Self.vector(0), in: Self.bucket("tenant-a"))
        let query = SemanticQuery(text: "How much is Pro?", vector: Self.vector(0))
        for other in [Self.bucket("tenant-b"), Self.bucket("tenant-a", version: 2)] {
            guard case .miss = index.lookup(query, in: other, threshold: 0.5, now: Self.now) else {
                Issue.record("expected a miss in \(other)")
                return
            }
        }
        index.removeNamespace("tenant-a")
        guard case .miss = index.lookup(query, in: Self.bucket("tenant-a"), threshold: 0.5, now: Self.now) else {
            Issue.record("expected a miss after the namespace was dropped")
            return
        }
    }

    @Test("expired entries are not served; a full bucket reuses its oldest slot")
    func ttlAndCapacity() {
        let index = index(capacity: 2)
        let bucket = Self.bucket()
        index.insert(SemanticEntry(answerKey: "old", text: "first question", expiresAt: Self.now), vector: Self.vector(0), in: bucket)
        let query = SemanticQuery(text: "first question", vector: Self.vector(0))
        guard case .miss = index.lookup(query, in: bucket, threshold: 0.5, now: Self.now) else {
            Issue.record("an expired entry was served")
            return
        }
        index.insert(SemanticEntry(answerKey: "a", text: "second question", expiresAt: Self.later), vector: Self.vector(1), in: bucket)
        index.insert(SemanticEntry(answerKey: "b", text: "third question", expiresAt: Self.later), vector: Self.vector(2), in: bucket)
        #expect(index.entryCount == 2)
        guard case .hit(let hit) = index.lookup(SemanticQuery(text: "second question", vector: Self.vector(1)), in: bucket, threshold: 0.5, now: Self.now) else {
            Issue.record("expected a hit")
            return
        }
        #expect(hit.answerKey == "a")
    }

    @Test("the least recently used bucket goes past the bucket bound")
    func bucketBound() {
        let index = SemanticIndex(dimension: 4, bucketCapacity: 10, maxBuckets: 2)
        for name in ["a", "b", "c"] {
            index.insert(SemanticEntry(answerKey: name, text: name, expiresAt: Self.later), vector: Self.vector(0), in: Self.bucket(name))
        }
        #expect(!index.contains(Self.bucket("a")))
        #expect(index.contains(Self.bucket("b")) && index.contains(Self.bucket("c")))
    }
}
