/// The cache stores (policy top-level `cache:`, SPEC §3.1). Read at start: a reload keeps
/// the stores the gateway started with and changes only what each alias caches.
public struct CacheSettings: Sendable, Hashable {
    /// `memory.max_bytes`: the in-process LRU's bound, in bytes (entries are not counted).
    public var memoryMaxBytes: Int
    /// `redis`: the tier shared by every gateway that names it.
    public var redis: RedisCacheSettings?
    /// `snapshot`: the SQLite file the in-process tier is saved to and warmed from.
    public var snapshot: CacheSnapshotSettings?
    /// `embedder`: how the semantic tier embeds messages.
    public var embedder: EmbedderSettings
    /// `semantic_index`: how each semantic bucket searches its vectors.
    public var semanticIndex: BucketSearchSettings

    public init(
        memoryMaxBytes: Int = 256 << 20, redis: RedisCacheSettings? = nil, snapshot: CacheSnapshotSettings? = nil,
        embedder: EmbedderSettings = EmbedderSettings(), semanticIndex: BucketSearchSettings = .standard
    ) {
        self.memoryMaxBytes = memoryMaxBytes
        self.redis = redis
        self.snapshot = snapshot
        self.embedder = embedder
        self.semanticIndex = semanticIndex
    }
}

/// `cache.redis: {url_env, timeout_ms}`: the URL comes from the environment (it may hold a
/// password), never from the policy text.
public struct RedisCacheSettings: Sendable, Hashable {
    /// The environment variable holding `redis://…` or `unix:PATH`.
    public var urlEnv: String
    /// The most a Redis call may add to a request.
    public var timeout: Duration

    public init(urlEnv: String = "REDIS_URL", timeout: Duration = .milliseconds(5)) {
        self.urlEnv = urlEnv
        self.timeout = timeout
    }
}

/// `cache.snapshot: {path, interval_s}`.
public struct CacheSnapshotSettings: Sendable, Hashable {
    public var path: String
    /// How often the in-process tier is written (it is also written at graceful shutdown).
    public var interval: Duration

    public init(path: String, interval: Duration = .seconds(30)) {
        self.path = path
        self.interval = interval
    }
}

/// `cache.embedder: {kind, model, dimension, batch: {max_inputs, max_wait_ms}, timeout_ms}`.
public struct EmbedderSettings: Sendable, Hashable {
    /// Which embedder the semantic tier uses.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The local static table distilled from all-MiniLM-L6-v2 (no network).
        case `static`
        /// An `embeddings:` entry routed to a provider's embeddings API, micro-batched.
        case upstream
    }

    public var kind: Kind
    /// `model`: the `embeddings:` entry (with `provider:`) that `upstream` embeds through.
    public var model: String?
    /// `dimension`: the length of the upstream model's vectors (a reply of another length
    /// is a failed embedding, so a cache miss).
    public var dimension: Int
    /// `batch`: how `upstream` groups concurrent requests' messages into one call.
    public var batch: EmbedBatchSettings
    /// `timeout_ms`: the most one upstream call may take (a request waits for it before its
    /// semantic lookup; past it the request goes on uncached).
    public var timeout: Duration

    public init(
        kind: Kind = .static, model: String? = nil, dimension: Int = 1536, batch: EmbedBatchSettings = EmbedBatchSettings(),
        timeout: Duration = .seconds(2)
    ) {
        self.kind = kind
        self.model = model
        self.dimension = dimension
        self.batch = batch
        self.timeout = timeout
    }
}

/// `cache.embedder.batch: {max_inputs, max_wait_ms}`: a call is sent when it holds
/// `max_inputs` messages or `max_wait_ms` after its first one; `max_inputs: 1` turns
/// batching off.
public struct EmbedBatchSettings: Sendable, Hashable {
    public var maxInputs: Int
    public var maxWait: Duration

    public init(maxInputs: Int = 16, maxWait: Duration = .milliseconds(5)) {
        self.maxInputs = maxInputs
        self.maxWait = maxWait
    }
}

/// What an alias caches (policy `models.NAME.cache`); absent means not cached.
public struct AliasCachePolicy: Sendable, Hashable {
    /// `exact: true` — the exact tier serves and stores this alias.
    public var exact: Bool
    /// `semantic: {threshold}` — the semantic tier serves this alias at this cosine.
    public var semanticThreshold: Double?
    /// `ttl_s` — how long an answer is served.
    public var ttl: Duration
    /// `allow_temperature` — cache requests with `temperature > 0` too.
    public var allowTemperature: Bool

    /// A policy with the contract's defaults (`ttl_s: 3600`, `allow_temperature: false`).
    public init(exact: Bool = true, semanticThreshold: Double? = nil, ttl: Duration = .seconds(3600), allowTemperature: Bool = false) {
        self.exact = exact
        self.semanticThreshold = semanticThreshold
        self.ttl = ttl
        self.allowTemperature = allowTemperature
    }
}
