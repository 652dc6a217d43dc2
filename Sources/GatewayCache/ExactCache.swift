import GatewayCore
import Locking

/// Where an exact hit was found.
public enum ExactCacheTier: String, Sendable, Hashable {
    /// The in-process LRU.
    case memory
    /// The shared store (Redis); the answer was copied into the memory tier.
    case shared
}

/// The answer of ``ExactCache/lookup(_:)``.
public enum ExactLookup: Sendable, Hashable {
    case hit(CachedAnswer, tier: ExactCacheTier)
    case miss
}

/// The outcome of ``ExactCache/invalidate(namespace:)``.
public struct Invalidation: Sendable, Hashable {
    /// The namespace's new data version on this gateway.
    public var version: UInt64
    /// False when the shared store could not be bumped: only this gateway moved on.
    public var shared: Bool

    /// An outcome (for tests and the endpoint's answer).
    public init(version: UInt64, shared: Bool) {
        self.version = version
        self.shared = shared
    }
}

/// The exact tier as the request handler uses it: memory first, then the shared store
/// (a hit there fills memory), namespace versions, and writes to both. A shared-store
/// failure is a miss or a skipped write, never an error (the store's breaker logs it).
public final class ExactCache: Sendable {
    /// The in-process tier.
    public let memory: MemoryCacheStore
    /// The shared tier, if configured.
    public let shared: (any CacheStore)?
    private let clock: any WallClock
    private let versions: Locked<NamespaceVersionTable>

    /// A cache over `memory` and optionally `shared`; namespace versions are re-read from
    /// the shared store at most every `versionRefresh` (how soon another gateway's
    /// `DELETE /v1/cache` is seen here).
    public init(
        memory: MemoryCacheStore, shared: (any CacheStore)?, clock: any WallClock = SystemWallClock(),
        versionRefresh: Duration = .seconds(1)
    ) {
        self.memory = memory
        self.shared = shared
        self.clock = clock
        self.versions = Locked(NamespaceVersionTable(refreshInterval: versionRefresh))
    }

    /// The key of `request` under `alias` in `namespace` at its current data version.
    public func key(for request: ChatRequest, alias: String, namespace: String) async -> CacheKey {
        let digest = CanonicalRequest.exactDigest(of: request, alias: alias)
        return CacheKey(namespace: namespace, version: await version(of: namespace), digest: digest)
    }

    /// The namespace's data version (refreshed from the shared store when due).
    public func version(of namespace: String) async -> UInt64 {
        let now = clock.now()
        let (known, refresh) = versions.withLock { $0.current(namespace, now: now) }
        guard refresh, let shared else { return known }
        do {
            let remote = try await shared.namespaceVersion(namespace)
            return versions.withLock { $0.observed(namespace, version: remote, now: clock.now()) }
        } catch {
            versions.withLock { $0.refreshFailed(namespace, now: clock.now()) }
            return known
        }
    }

    /// Memory, then the shared store. Undecodable shared bytes count as a miss.
    public func lookup(_ key: CacheKey) async -> ExactLookup {
        await lookup(storageKey: key.storageKey)
    }

    /// The answer stored under `storageKey` (a ``CacheKey/storageKey``, e.g. the answer a
    /// semantic entry refers to): memory, then the shared store.
    public func lookup(storageKey: String) async -> ExactLookup {
        if let answer = memory.get(storageKey: storageKey) { return .hit(answer, tier: .memory) }
        guard let shared, let bytes = try? await shared.get(storageKey),
            let answer = try? CachedAnswerCodec.decode(bytes), answer.isLive(at: clock.now())
        else { return .miss }
        memory.put(storageKey: storageKey, answer, valueBytes: bytes.count)
        return .hit(answer, tier: .shared)
    }

    /// Stores `answer` in memory, then in the shared store with its remaining TTL. Awaits the
    /// shared write (bounded by the store's timeout): call it after the response is sent.
    public func store(_ answer: CachedAnswer, under key: CacheKey) async {
        await storeInMemory(answer, under: key).perform()
    }

    /// Stores `answer` in memory now and returns the shared write still to do, so the
    /// caller can do it once the client has its response.
    public func storeInMemory(_ answer: CachedAnswer, under key: CacheKey) -> SharedCacheWrite {
        let storageKey = key.storageKey
        let bytes = CachedAnswerCodec.encode(answer)
        memory.put(storageKey: storageKey, answer, valueBytes: bytes.count)
        return SharedCacheWrite(store: shared, storageKey: storageKey, bytes: bytes, ttl: answer.remainingTTL(at: clock.now()))
    }

    /// Bumps the namespace's data version (shared store first, so every gateway moves on)
    /// and drops its entries from memory.
    public func invalidate(namespace: String) async -> Invalidation {
        var sharedVersion: UInt64?
        if let shared { sharedVersion = try? await shared.bumpNamespaceVersion(namespace) }
        let now = clock.now()
        let version = versions.withLock { table in
            let local = table.bumpedLocally(namespace, now: now)
            guard let sharedVersion else { return local }
            return table.observed(namespace, version: sharedVersion, now: now)
        }
        memory.removeNamespace(namespace)
        return Invalidation(version: version, shared: sharedVersion != nil)
    }
}

/// A write to the shared store left for after the response: the encoded answer, its key and
/// what is left of its TTL. Failures are the store's business (its breaker), never an error.
public struct SharedCacheWrite: Sendable {
    let store: (any CacheStore)?
    let storageKey: String
    let bytes: [UInt8]
    let ttl: Duration
    /// More shared writes of the same answer (the semantic tier's entry), done after this one.
    public var followUp: (@Sendable () async -> Void)?

    init(store: (any CacheStore)?, storageKey: String, bytes: [UInt8], ttl: Duration) {
        self.store = store
        self.storageKey = storageKey
        self.bytes = bytes
        self.ttl = ttl
    }

    /// Writes to the shared store, if there is one and the entry is still live.
    public func perform() async {
        if let store, ttl > .zero { try? await store.set(storageKey, bytes, ttl: ttl) }
        await followUp?()
    }
}
