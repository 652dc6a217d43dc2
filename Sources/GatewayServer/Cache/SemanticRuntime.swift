import Embeddings
import GatewayCache
import GatewayCore
import Logging
import NIOPosix
import Locking

/// The semantic tier of one gateway: its embedder (the local one, or an upstream API) and
/// the in-process index.
final class SemanticRuntime: Sendable {
    /// The local embedder; nil when vectors come from `upstream`.
    let embedder: (any Embedder)?
    /// The upstream embedding API (`cache.embedder: {kind: upstream}`), micro-batched.
    let upstream: UpstreamEmbedder?
    /// The embedder's identifier, part of every bucket key.
    let embedderIdentifier: String
    let index: SemanticIndex
    /// The shared tier (Redis), if configured.
    let shared: (any SharedSemanticStore)?
    /// How many entries one bucket keeps in the shared tier.
    let sharedBucketLength = 10_000
    /// How soon a bucket that missed is read again from the shared tier.
    let refillInterval: Duration = .seconds(1)
    private let filled = Locked<[SemanticBucketKey: CacheInstant]>([:])

    init(embedder: any Embedder, index: SemanticIndex, shared: (any SharedSemanticStore)?) {
        self.embedder = embedder
        self.upstream = nil
        self.embedderIdentifier = embedder.identifier
        self.index = index
        self.shared = shared
    }

    init(upstream: UpstreamEmbedder, index: SemanticIndex, shared: (any SharedSemanticStore)?) {
        self.embedder = nil
        self.upstream = upstream
        self.embedderIdentifier = upstream.identifier
        self.index = index
        self.shared = shared
    }

    /// Fills `bucket` from the shared tier on its first use here, and again after a miss once
    /// `refillInterval` has passed (so entries another gateway added are found). A shared
    /// store that fails leaves the in-process index as it is.
    func fillIfDue(_ bucket: SemanticBucketKey, now: CacheInstant) async {
        guard let shared else { return }
        let due = filled.withLock { filled in
            if let last = filled[bucket], now - last < refillInterval { return false }
            if filled.count > 100_000 { filled.removeAll() }
            filled[bucket] = now
            return true
        }
        guard due, let items = try? await shared.semanticEntries(bucket.storageKey) else { return }
        for item in items {
            // Most of a refill is entries this gateway already holds: skip them before
            // decoding the vector and reading the text for the guards.
            guard let header = SemanticEntryCodec.header(item), header.expiresAt > now,
                !index.holds(answerKey: header.answerKey, until: header.expiresAt, in: bucket)
            else { continue }
            guard let (entry, vector) = SemanticEntryCodec.decode(item, dimension: index.dimension) else { continue }
            index.insert(entry, vector: vector, in: bucket)
        }
    }

    /// The shared write of a new entry, for after the response; nil without a shared tier.
    func sharedAppend(_ entry: SemanticEntry, vector: [Float], bucket: SemanticBucketKey, ttl: Duration) -> (@Sendable () async -> Void)? {
        guard let shared else { return nil }
        let bytes = SemanticEntryCodec.encode(entry, vector: vector)
        let key = bucket.storageKey, length = sharedBucketLength
        return { try? await shared.appendSemanticEntry(key, bytes, maxLength: length, ttl: ttl) }
    }

    /// The bundled static embedder, loaded once per process on first use and shared by every
    /// gateway in it (the table is immutable; it is data, not configuration).
    static let bundled: Result<StaticEmbedder, any Error> = Result { try StaticEmbedder.bundled() }

    /// Index trainings run on NIO's pool for blocking work: not on the cooperative pool the
    /// requests share, and never under a bucket's lock.
    static let blockingPool = IndexTrainer { work in NIOThreadPool.singleton.submit { _ in work() } }

    /// The runtime `settings` ask for: an upstream embedder, else `embedder` or the bundled
    /// one, its buckets searching as `search`; nil (logged) if that cannot load.
    static func make(
        settings: EmbedderSettings, embedder: (any Embedder)?, search: BucketSearchSettings, shared: (any SharedSemanticStore)?,
        metrics: CacheMetrics, logger: Logger
    ) -> SemanticRuntime? {
        if settings.kind == .upstream {
            let upstream = UpstreamEmbedder(settings: settings, metrics: metrics, logger: logger)
            return SemanticRuntime(
                upstream: upstream, index: SemanticIndex(dimension: upstream.dimension, search: search, trainer: blockingPool), shared: shared)
        }
        let chosen: any Embedder
        if let embedder {
            chosen = embedder
        } else {
            switch bundled {
            case .success(let embedder): chosen = embedder
            case .failure(let error):
                logger.error("the embedding table does not load; semantic caching is off", metadata: ["error": "\(error)"])
                return nil
            }
        }
        return SemanticRuntime(embedder: chosen, index: SemanticIndex(dimension: chosen.dimension, search: search, trainer: blockingPool), shared: shared)
    }

    /// What the semantic tier needs of `request` under `alias`: nothing when it does not
    /// apply (the alias has no `semantic:`, or the last user message has no text or an
    /// image), or the upstream embedder failed (the request then goes on uncached).
    func plan(request: ChatRequest, alias: String, namespace: String, version: UInt64, threshold: Double?) async -> SemanticPlanning {
        guard let threshold, let text = SemanticBucketKey.lastUserText(of: request) else { return .notApplicable }
        let bucket = SemanticBucketKey(request: request, alias: alias, namespace: namespace, version: version, embedder: embedderIdentifier)
        let vector: [Float]
        if let embedder {
            vector = embedder.embed(text)
        } else if let upstream, let embedded = await upstream.embed(text) {
            vector = embedded
        } else {
            return .embedFailed
        }
        return .planned(SemanticPlan(bucket: bucket, query: SemanticQuery(text: text, vector: vector), threshold: Float(threshold)))
    }
}

/// The semantic tier's answer for one request before any lookup.
enum SemanticPlanning: Sendable {
    case planned(SemanticPlan)
    case notApplicable
    /// The upstream embedder gave no vector (down, timeout, wrong dimension, cancelled).
    case embedFailed
}

/// One request's semantic lookup and store: its bucket, its question and the alias's threshold.
struct SemanticPlan: Sendable {
    let bucket: SemanticBucketKey
    let query: SemanticQuery
    let threshold: Float
}
