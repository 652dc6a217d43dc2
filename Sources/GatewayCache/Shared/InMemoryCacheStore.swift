import Locking

/// A ``CacheStore`` in process memory, standing in for Redis in tests: TTLs against an
/// injected clock, a switch to make it fail like a store that is down, and call counters.
public final class InMemoryCacheStore: CacheStore {
    private struct State: Sendable {
        var values: [String: (bytes: [UInt8], expiresAt: CacheInstant)] = [:]
        var versions: [String: UInt64] = [:]
        var failure: CacheStoreError?
        var calls = 0
    }

    private let state = Locked(State())
    private let clock: any WallClock

    /// An empty store whose TTLs run on `clock`.
    public init(clock: any WallClock = SystemWallClock()) {
        self.clock = clock
    }

    /// Makes every call throw `failure` (nil: work again).
    public func setFailure(_ failure: CacheStoreError?) {
        state.withLock { $0.failure = failure }
    }

    /// How many calls were made (failed ones included).
    public var callCount: Int { state.withLock { $0.calls } }

    /// The bytes under `key`, unless absent or expired.
    public func get(_ key: String) async throws(CacheStoreError) -> [UInt8]? {
        let now = clock.now()
        return try state.withLock { state throws(CacheStoreError) -> [UInt8]? in
            state.calls += 1
            if let failure = state.failure { throw failure }
            guard let entry = state.values[key] else { return nil }
            guard now < entry.expiresAt else {
                state.values[key] = nil
                return nil
            }
            return entry.bytes
        }
    }

    /// Stores `value` under `key` until `ttl` has passed.
    public func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws(CacheStoreError) {
        let expiresAt = clock.now() + ttl
        try state.withLock { state throws(CacheStoreError) in
            state.calls += 1
            if let failure = state.failure { throw failure }
            state.values[key] = (value, expiresAt)
        }
    }

    /// The namespace's data version (0 until bumped).
    public func namespaceVersion(_ namespace: String) async throws(CacheStoreError) -> UInt64 {
        try state.withLock { state throws(CacheStoreError) -> UInt64 in
            state.calls += 1
            if let failure = state.failure { throw failure }
            return state.versions[namespace] ?? 0
        }
    }

    /// Increments the namespace's data version.
    public func bumpNamespaceVersion(_ namespace: String) async throws(CacheStoreError) -> UInt64 {
        try state.withLock { state throws(CacheStoreError) -> UInt64 in
            state.calls += 1
            if let failure = state.failure { throw failure }
            let next = (state.versions[namespace] ?? 0) + 1
            state.versions[namespace] = next
            return next
        }
    }

    /// `degraded` while made to fail.
    public var health: StoreHealth {
        state.withLock { $0.failure == nil ? .ok : .degraded }
    }
}
