import GatewayCache
import GatewayCore
import Logging
import Locking

/// The shared tier over Redis (hiredis). Blocking hiredis calls run on the store's own
/// threads (``RedisWorkers``); each async call returns within `timeout` even if Redis
/// hangs; a ``StoreBreaker`` fails calls fast while Redis is down and probes it in the
/// background; each transition is logged once. Values are `SET key value PX ttl`, versions
/// `GET`/`INCR`. Call ``shutdown()`` to stop the threads.
public final class RedisCacheStore: CacheStore {
    struct State: Sendable {
        var breaker: StoreBreaker
        var generation: UInt64 = 0
        var stats = RedisCacheStoreStats()
        var lastError = ""
    }

    let configuration: RedisCacheStoreConfig
    let logger: Logger
    private let state: Locked<State>
    private let workersBox = Locked<RedisWorkers?>(nil)

    /// Starts the worker threads; connections are made lazily, so this never waits for Redis
    /// (a gateway starts while Redis is down).
    public init(config: RedisCacheStoreConfig, logger: Logger) {
        self.configuration = config
        self.logger = logger
        self.state = Locked(State(breaker: StoreBreaker(config: config.breaker)))
        let workers = RedisWorkers(
            count: config.connections, maxQueued: config.maxQueued, tickInterval: config.tickInterval,
            session: { _ in RedisWorkerSession() },
            run: { [config] session, batch in Self.run(batch, on: session, config: config) },
            tick: { [weak self] in self?.tick() })
        workersBox.withLock { $0 = workers }
    }

    // A store dropped without `shutdown()` still stops its threads (without waiting: the
    // last reference may be released on a worker thread).
    deinit {
        workersBox.withLock { $0 }?.stop()
    }

    /// Stops the worker threads and closes their connections.
    public func shutdown() {
        let workers = workersBox.withLock { box -> RedisWorkers? in
            defer { box = nil }
            return box
        }
        workers?.shutdown()
    }

    /// Runs `body` on the locked state (internal: for the call and worker extensions).
    func withState<T: Sendable>(_ body: (inout State) -> T) -> T {
        state.withLock { body(&$0) }
    }

    /// Queues work for the threads; false when full or shut down.
    func submit(_ work: RedisWorkers.Work) -> Bool {
        guard let workers = workersBox.withLock({ $0 }) else { return false }
        return workers.submit(work)
    }

    /// `ok` while the breaker is closed, else `degraded`.
    public var health: StoreHealth { state.withLock { $0.breaker.health } }

    /// The breaker's state (for tests and `/health`).
    public var breakerState: StoreBreaker.State { state.withLock { $0.breaker.state } }

    /// The counters so far.
    public var stats: RedisCacheStoreStats { state.withLock { $0.stats } }

    /// `GET key`: the bytes, or nil when absent or expired.
    public func get(_ key: String) async throws(CacheStoreError) -> [UInt8]? {
        switch try await call(["GET", key].map(Self.bytes)) {
        case .string(let bytes): return bytes
        case .null: return nil
        default: throw .badReply("GET: unexpected reply type")
        }
    }

    /// `SET key value PX ttl` (at least 1 ms).
    public func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws(CacheStoreError) {
        let milliseconds = max(ttl.wholeMilliseconds, 1)
        let reply = try await call([Self.bytes("SET"), Self.bytes(key), value, Self.bytes("PX"), Self.bytes(String(milliseconds))])
        guard reply == .status("OK") else { throw .badReply("SET: unexpected reply") }
    }

    /// `GET llmgw:nsver:<namespace>`, 0 when absent.
    public func namespaceVersion(_ namespace: String) async throws(CacheStoreError) -> UInt64 {
        switch try await call(["GET", CacheKey.versionKey(namespace: namespace)].map(Self.bytes)) {
        case .null: return 0
        case .string(let digits):
            guard let version = UInt64(String(decoding: digits, as: UTF8.self)) else {
                throw .badReply("GET version: not a number")
            }
            return version
        default: throw .badReply("GET version: unexpected reply type")
        }
    }

    /// `INCR llmgw:nsver:<namespace>`: the new version, seen by every gateway.
    public func bumpNamespaceVersion(_ namespace: String) async throws(CacheStoreError) -> UInt64 {
        guard case .integer(let value) = try await call(["INCR", CacheKey.versionKey(namespace: namespace)].map(Self.bytes)),
            let version = UInt64(exactly: value)
        else { throw .badReply("INCR: unexpected reply") }
        return version
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
