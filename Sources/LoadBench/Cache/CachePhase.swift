import BenchKit

/// One row of the cache scenario: which server it measures, what each request asks and which
/// cache outcome its requests should have (the semantic rows: hit-semantic at 1k, 10k and 100k
/// entries, one bucket or a thousand, are phases with their own bodies).
public struct CachePhase: Sendable, Hashable {
    /// What the requests of a phase ask.
    public enum Bodies: Sendable, Hashable {
        /// The same message every time (an exact hit once the first answer is stored).
        case repeated(String)
        /// `PREFIX N` with a new N for every request of the run (a miss every time).
        case unique(prefix: String)
        /// `BenchSentences.question(N)`, in bucket `N % buckets` (a system message per bucket
        /// when there is more than one): fills the semantic tier.
        case questions(buckets: Int)
        /// A paraphrase of one of the first `stored` questions (spread by a prime stride), in
        /// that question's bucket: a semantic hit.
        case paraphrases(buckets: Int, stored: Int)
    }

    /// The row's name (`hit-memory`, `miss/redis-down` …).
    public var name: String
    /// The server's role in the stack (`direct`, `memory`, `redis`, `redis-down`).
    public var server: String
    public var bodies: Bodies
    /// The `tier/outcome` of `gateway_cache_lookups_total` every request should count as
    /// (`exact/hit_memory`); nil for the direct call.
    public var expected: String?
    /// One line on what the row shows.
    public var note: String

    public init(name: String, server: String, bodies: Bodies, expected: String?, note: String) {
        self.name = name
        self.server = server
        self.bodies = bodies
        self.expected = expected
        self.note = note
    }

    /// The message of the request with run-wide index `index`.
    public func message(_ index: Int) -> String {
        switch bodies {
        case .repeated(let message): message
        case .unique(let prefix): "\(prefix) \(index)"
        case .questions: BenchSentences.question(index)
        case .paraphrases(_, let stored): BenchSentences.paraphrase(Self.storedQuestion(index, stored: stored))
        }
    }

    /// The system message of request `index`: which bucket it falls in, when there are several.
    public func system(_ index: Int) -> String? {
        switch bodies {
        case .repeated, .unique: nil
        case .questions(let buckets): Self.bucketPrompt(index, buckets: buckets)
        case .paraphrases(let buckets, let stored): Self.bucketPrompt(Self.storedQuestion(index, stored: stored), buckets: buckets)
        }
    }

    static func storedQuestion(_ index: Int, stored: Int) -> Int { Int((UInt64(index) &* 7_919) % UInt64(max(stored, 1))) }

    static func bucketPrompt(_ question: Int, buckets: Int) -> String? {
        buckets > 1 ? "You are the support assistant of workspace \(question % buckets)." : nil
    }
}
