/// The cache scenario: exact hits through HTTP from the in-process tier and from Redis, next
/// to misses and to a direct call to the `zero` simulator, on three gateways in front of one
/// simulator — `memory` (in-process only), `redis` (a memory tier too small to hold an
/// entry, so every hit comes from Redis) and `redis-down` (Redis configured on a dead port);
/// then the memory tier's bytes per entry and the gateway's RSS as it fills.
public enum CacheScenario {
    public static let name = "cache"
    /// The alias every gateway caches.
    public static let alias = "bench"

    /// What to measure.
    public struct Options: Sendable, Hashable {
        /// Measured time per phase, split over `rounds`.
        public var duration: Duration
        /// Each round runs every phase once, in turn.
        public var rounds: Int
        /// Requests in flight in a measured phase.
        public var concurrency: Int
        /// Unmeasured requests before each phase's first slice.
        public var warmup: Int
        /// Fill levels at which the footprint is read, ascending.
        public var fillLevels: [Int]
        /// Connections filling the cache.
        public var fillConcurrency: Int
        /// Semantic entries at which the semantic hit rows are measured, ascending; empty: none.
        public var semanticLevels: [Int]

        public init(
            duration: Duration = .seconds(10), rounds: Int = 5, concurrency: Int = 1, warmup: Int = 200,
            fillLevels: [Int] = [10_000, 100_000], fillConcurrency: Int = 64, semanticLevels: [Int] = [1_000, 10_000, 100_000]
        ) {
            self.duration = duration
            self.rounds = max(rounds, 1)
            self.concurrency = max(concurrency, 1)
            self.warmup = warmup
            self.fillLevels = fillLevels.sorted()
            self.fillConcurrency = max(fillConcurrency, 1)
            self.semanticLevels = semanticLevels.sorted()
        }

        /// A few minutes: one second per phase in two rounds, fills of 1k and 10k (exact and semantic).
        public static let quick = Options(duration: .seconds(1), rounds: 2, warmup: 50, fillLevels: [1_000, 10_000], semanticLevels: [1_000, 10_000])

        /// The measured time of one slice.
        public var slice: Duration { duration / rounds }
    }

    static let hitMessage = "Hello from the cache bench, how are you today?"

    /// The phases measured in rounds, before the fill.
    public static let phases: [CachePhase] = [
        CachePhase(name: "direct", server: "direct", bodies: .repeated(hitMessage), expected: nil, note: "straight to the zero simulator"),
        CachePhase(
            name: "hit-memory", server: "memory", bodies: .repeated(hitMessage), expected: "exact/hit_memory",
            note: "exact hit from the in-process tier"),
        CachePhase(
            name: "hit-redis", server: "redis", bodies: .repeated(hitMessage), expected: "exact/hit_redis",
            note: "exact hit from Redis (memory tier holds nothing)"),
        CachePhase(
            name: "hit-memory/redis-down", server: "redis-down", bodies: .repeated(hitMessage), expected: "exact/hit_memory",
            note: "in-process hit while the configured Redis is down"),
        CachePhase(
            name: "miss", server: "memory", bodies: .unique(prefix: "cache bench miss on memory"), expected: "exact/miss",
            note: "miss: lookup, simulator call, store in process"),
        CachePhase(
            name: "miss/redis", server: "redis", bodies: .unique(prefix: "cache bench miss on redis"), expected: "exact/miss",
            note: "miss: Redis lookup, simulator call, store in Redis"),
        CachePhase(
            name: "miss/redis-down", server: "redis-down", bodies: .unique(prefix: "cache bench miss on redis-down"),
            expected: "exact/miss", note: "miss while the configured Redis is down"),
    ]

    /// Measured once the memory gateway holds the largest fill level.
    public static func filledPhase(entries: Int) -> CachePhase {
        CachePhase(
            name: "hit-memory@\(entries / 1000)k", server: "memory", bodies: .repeated(hitMessage), expected: "exact/hit_memory",
            note: "in-process hit with \(entries) entries held")
    }

    /// The fill's requests (each a miss that adds one entry to the memory gateway).
    public static let fillPhase = CachePhase(
        name: "fill", server: "memory", bodies: .unique(prefix: "cache bench fill entry"), expected: "exact/miss", note: "fill")

    /// SPEC §6's cache targets over the rows of `phases` (and the filled row).
    public static func targets(filledRow: String?) -> [CacheTarget] {
        var targets = [
            CacheTarget(name: "exact hit p99, in-process", row: "hit-memory", limitMs: 1),
            CacheTarget(name: "exact hit p99, via Redis", row: "hit-redis", limitMs: 2),
            CacheTarget(name: "Redis down adds to a hit, p99", row: "hit-memory/redis-down", minus: "hit-memory", limitMs: 1),
            CacheTarget(name: "Redis down adds to a miss, p99", row: "miss/redis-down", minus: "miss", limitMs: 1),
        ]
        if let filledRow { targets.append(CacheTarget(name: "exact hit p99, in-process, \(filledRow)", row: filledRow, limitMs: 1)) }
        return targets
    }

    /// How the gateway of a role caches: memory bound in bytes, Redis or not.
    public enum Store: Sendable, Hashable {
        case memoryOnly
        /// A memory tier of one byte (nothing fits, so every hit is a Redis hit) and Redis.
        case redisOnly
        /// The default memory tier and Redis.
        case memoryAndRedis
        /// The default memory tier, the alias's semantic tier on (`semantic: {threshold}`).
        case semanticMemory
    }

    /// The policy of a gateway: the overhead scenario's one-alias policy, the alias cached.
    public static func gatewayPolicy(simURL: String, store: Store) -> String {
        var text = PeerConfigs.gatewayPolicy(simURL: simURL, alias: alias)
        if store == .semanticMemory {
            text += "    cache: {exact: true, semantic: {threshold: \(semanticThreshold)}, ttl_s: 3600}\n"
        } else {
            text += "    cache: {exact: true, ttl_s: 3600}\n"
        }
        switch store {
        case .memoryOnly, .semanticMemory: text += "cache:\n  memory: {max_bytes: 268435456}\n"
        case .redisOnly: text += "cache:\n  memory: {max_bytes: 1}\n  redis: {url_env: REDIS_URL, timeout_ms: 5}\n"
        case .memoryAndRedis: text += "cache:\n  memory: {max_bytes: 268435456}\n  redis: {url_env: REDIS_URL, timeout_ms: 5}\n"
        }
        return text
    }
}
