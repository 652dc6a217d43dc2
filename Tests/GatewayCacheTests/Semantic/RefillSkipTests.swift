import GatewayCache
import Testing

/// What a refill from the shared tier checks before decoding an entry: its header, and
/// whether the bucket already holds that answer until at least that expiry.
@Suite("Semantic refill skips what it holds")
struct RefillSkipTests {
    static let now = CacheInstant(millisecondsSince1970: 1_000_000)
    static func vector(_ i: Int) -> [Float] {
        var v = [Float](repeating: 0, count: 4)
        v[i % 4] = 1
        return v
    }

    @Test func theHeaderIsReadWithoutTheVector() throws {
        let entry = SemanticEntry(answerKey: "answer-1", text: "What does SSO cost?", expiresAt: Self.now + .seconds(60))
        let bytes = SemanticEntryCodec.encode(entry, vector: Self.vector(0))
        let header = try #require(SemanticEntryCodec.header(bytes))
        #expect(header.answerKey == "answer-1")
        #expect(header.expiresAt == entry.expiresAt)
        #expect(SemanticEntryCodec.header([9, 9, 9]) == nil, "another format")
        #expect(SemanticEntryCodec.header(Array(bytes.prefix(5))) == nil, "truncated")
    }

    @Test func aBucketHoldsAnAnswerUntilItIsReplacedOrEvicted() {
        var bucket = VectorBucket(dimension: 4, capacity: 2, search: .bruteForce)
        let later = Self.now + .seconds(60)
        bucket.insert(SemanticEntry(answerKey: "a", text: "What does SSO cost?", expiresAt: later), vector: Self.vector(0))
        #expect(bucket.holds(answerKey: "a", until: later))
        #expect(!bucket.holds(answerKey: "a", until: later + .seconds(1)), "a later expiry is news")
        // The same question retyped, answered anew: the old answer key is gone.
        bucket.insert(SemanticEntry(answerKey: "a2", text: "what does sso cost", expiresAt: later), vector: Self.vector(0))
        #expect(!bucket.holds(answerKey: "a", until: later))
        #expect(bucket.holds(answerKey: "a2", until: later))
        // Capacity 2: the third question evicts the oldest slot.
        bucket.insert(SemanticEntry(answerKey: "b", text: "Is there an API?", expiresAt: later), vector: Self.vector(1))
        bucket.insert(SemanticEntry(answerKey: "c", text: "Do you support SAML?", expiresAt: later), vector: Self.vector(2))
        #expect(!bucket.holds(answerKey: "a2", until: later), "evicted")
        #expect(bucket.holds(answerKey: "b", until: later) && bucket.holds(answerKey: "c", until: later))
    }
}
