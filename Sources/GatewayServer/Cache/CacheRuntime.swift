import Embeddings
import GatewayCache
import GatewayCacheStores
import GatewayCore
import Logging

/// The gateway's caches, built once at start from the policy's `cache:` stores: the exact
/// tier (in-process, optionally Redis), the single-flight table and the snapshot file.
/// A reload changes what each alias caches, never the stores.
final class CacheRuntime: Sendable {
    /// The namespace used until tenants exist.
    static let defaultNamespace = CacheKey.defaultNamespace

    let exact: ExactCache
    let flights = SingleFlight<CacheKey, FlightAnswer>()
    let redis: RedisCacheStore?
    let snapshot: CacheSnapshot?
    let snapshotInterval: Duration
    let clock: any WallClock
    let metrics: CacheMetrics
    /// The semantic tier: the embedder and the in-process index; nil when the embedder
    /// cannot be loaded (the exact tier still works).
    let semantic: SemanticRuntime?

    init(
        settings: CacheSettings, environment: [String: String], metrics: GatewayMetrics, logger: Logger,
        clock: any WallClock = SystemWallClock(), embedder: (any Embedder)? = nil
    ) {
        self.clock = clock
        let cacheMetrics = CacheMetrics(metrics: metrics)
        self.metrics = cacheMetrics
        let memory = MemoryCacheStore(maxBytes: settings.memoryMaxBytes, clock: clock)
        self.redis = Self.redisStore(settings.redis, environment: environment, logger: logger)
        self.semantic = SemanticRuntime.make(
            settings: settings.embedder, embedder: embedder, search: settings.semanticIndex, shared: redis, metrics: cacheMetrics, logger: logger)
        self.exact = ExactCache(memory: memory, shared: redis, clock: clock)
        if let config = settings.snapshot {
            let snapshot = CacheSnapshot(path: config.path, logger: logger)
            let load = snapshot.load(into: memory, now: clock.now())
            if load.loaded > 0 {
                logger.info("cache warmed from snapshot", metadata: ["path": "\(config.path)", "entries": "\(load.loaded)"])
            }
            self.snapshot = snapshot
            self.snapshotInterval = config.interval
        } else {
            self.snapshot = nil
            self.snapshotInterval = .seconds(30)
        }
    }

    /// Bumps the namespace's data version in the exact tier and drops its semantic buckets.
    func invalidate(namespace: String) async -> Invalidation {
        let invalidation = await exact.invalidate(namespace: namespace)
        semantic?.index.removeNamespace(namespace)
        return invalidation
    }

    /// `ok` or `degraded` for `/health/ready`; nil when no Redis is configured.
    var redisHealth: StoreHealth? { redis?.health }

    func shutdown() {
        redis?.shutdown()
    }

    private static func redisStore(_ settings: RedisCacheSettings?, environment: [String: String], logger: Logger) -> RedisCacheStore? {
        guard let settings else { return nil }
        guard let text = environment[settings.urlEnv], !text.isEmpty else {
            logger.warning("cache.redis is configured but its variable is not set; caching in process only", metadata: ["url_env": "\(settings.urlEnv)"])
            return nil
        }
        do {
            let url = try RedisURL(parsing: text)
            logger.info("cache shared through redis", metadata: ["redis": "\(url)"])
            return RedisCacheStore(config: RedisCacheStoreConfig(url: url, timeout: settings.timeout), logger: logger)
        } catch {
            // The text may hold a password: name the variable, never the value.
            logger.error("cache.redis URL is not valid; caching in process only", metadata: ["url_env": "\(settings.urlEnv)", "error": "\(error)"])
            return nil
        }
    }
}

/// What one upstream call shared by a flight produced: the answer and the leader's trace
/// (provider, attempts, service time) for every waiter's headers.
struct FlightAnswer: Sendable {
    var response: ChatResponse
    var trace: ExecutionTrace
    var serviceTime: Duration?
    /// The shared-store write of a stored answer, done by the flight's leader after its
    /// response went out.
    var sharedWrite: SharedCacheWrite?
}
