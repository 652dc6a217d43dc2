import Embeddings
import GatewayCache
import GatewayCore
import Locking
import Testing

/// The index training taken under a bucket's lock and run outside it: the bucket serves while
/// it runs, and the installed index holds every entry with its current vector — including the
/// entries added, replaced or evicted while the training ran.
@Suite("Index training outside the bucket's lock")
struct DeferredTrainingTests {
    typealias Fixture = VectorBucketIndexTests

    static func entry(_ i: Int, text: String? = nil) -> SemanticEntry {
        SemanticEntry(answerKey: "k\(i)", text: text ?? Fixture.question(i), expiresAt: Fixture.later)
    }

    @Test("a bucket keeps serving while its training runs; inserts made meanwhile are in the installed index")
    func writesDuringTrainingReachTheIndex() throws {
        let embedder = try Fixture.embedder.get()
        var bucket = VectorBucket(dimension: embedder.dimension, capacity: 900, search: Fixture.indexed)
        var training: IVFTraining?
        for i in 0..<600 {
            let due = bucket.insertDeferringTraining(Self.entry(i), vector: embedder.embed(Fixture.question(i)))
            if due != nil { training = due }
        }
        let taken = try #require(training, "the training is due at indexFrom (600)")
        #expect(taken.rows == 600)
        #expect(bucket.isTraining)
        #expect(bucket.indexLists == 0, "no index until the training is installed")
        // While it runs: new entries, the ring wrapping (capacity 900) over slots 0..<300,
        // and a replaced text. None may take a second training.
        for i in 600..<1_200 {
            #expect(bucket.insertDeferringTraining(Self.entry(i), vector: embedder.embed(Fixture.question(i))) == nil)
        }
        // Entry 1003's question, retyped: it replaces that entry (same normalised text).
        let replaced = "Where do I export invoices via the public API, please?"
        _ = bucket.insertDeferringTraining(Self.entry(5_000, text: replaced), vector: embedder.embed(replaced))
        #expect(bucket.candidates(embedder.embed(Fixture.question(1_100)), threshold: 0.99, limit: 1, now: Fixture.now).first?.entry.answerKey == "k1100")
        bucket.install(taken.run())
        #expect(!bucket.isTraining)
        #expect(bucket.indexLists >= 16)
        for i in 300..<1_200 where i != 1_003 {
            let found = bucket.candidates(embedder.embed(Fixture.question(i)), threshold: 0.999, limit: 1, now: Fixture.now)
            #expect(found.first?.entry.answerKey == "k\(i)", "entry \(i) is not found by its own vector")
        }
        for evicted in 0..<300 {
            let found = bucket.candidates(embedder.embed(Fixture.question(evicted)), threshold: 0.999, limit: 8, now: Fixture.now)
            #expect(!found.contains { $0.entry.answerKey == "k\(evicted)" }, "evicted entry \(evicted) still matches")
        }
        #expect(bucket.candidates(embedder.embed(replaced), threshold: 0.999, limit: 1, now: Fixture.now).first?.entry.answerKey == "k5000")
    }

    @Test("the semantic index hands the training to its trainer and keeps answering until it is installed")
    func semanticIndexOffloadsTraining() throws {
        let embedder = try Fixture.embedder.get()
        let queued = Locked<[@Sendable () -> Void]>([])
        let trainer = IndexTrainer { work in queued.withLock { $0.append(work) } }
        let index = SemanticIndex(dimension: embedder.dimension, bucketCapacity: 2_000, search: Fixture.indexed, trainer: trainer)
        let bucket = SemanticBucketKey(namespace: "n", version: 1, digest: RequestDigest(hashing: Array("bucket".utf8)), embedder: "test")
        for i in 0..<700 {
            index.insert(Self.entry(i), vector: embedder.embed(Fixture.question(i)), in: bucket)
        }
        let work = queued.withLock { $0 }
        #expect(work.count == 1, "one training, handed to the trainer, not run on the inserting call")
        let query = SemanticQuery(text: "Actually, " + Fixture.question(650).lowercased(), vector: embedder.embed("Actually, " + Fixture.question(650).lowercased()))
        func hitKey() -> String? {
            if case .hit(let hit) = index.lookup(query, in: bucket, threshold: 0.8, now: Fixture.now) { return hit.answerKey }
            return nil
        }
        #expect(hitKey() == "k650", "served by the full scan while the training waits")
        work.forEach { $0() }
        #expect(hitKey() == "k650", "served by the installed index")
    }
}
