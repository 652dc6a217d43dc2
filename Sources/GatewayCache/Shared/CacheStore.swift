/// Why a shared-store call did not complete. The cache treats every case as a miss (or a
/// skipped write): a store failure never reaches the client.
public enum CacheStoreError: Error, Sendable, Hashable {
    /// The breaker is open: the store is down and the call was not tried.
    case unavailable
    /// No reply within the store's timeout.
    case timedOut
    /// The caller's task was cancelled (its client went away); not held against the store.
    case cancelled
    /// Could not connect, or the connection broke (the detail never holds a password).
    case connectionFailed(String)
    /// The store answered with an error reply or an unexpected reply type.
    case badReply(String)
}

/// The shared tier (Redis in production, ``InMemoryCacheStore`` in tests): raw bytes by
/// storage key with a TTL, and the namespaces' data versions. Every call is bounded by the
/// store's own timeout.
public protocol CacheStore: Sendable {
    /// The bytes stored under `key`, or nil when absent or expired.
    func get(_ key: String) async throws(CacheStoreError) -> [UInt8]?
    /// Stores `value` under `key` for `ttl` (the store expires it itself).
    func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws(CacheStoreError)
    /// The data version of `namespace` (0 until first bumped).
    func namespaceVersion(_ namespace: String) async throws(CacheStoreError) -> UInt64
    /// Increments the data version of `namespace` and returns the new one.
    func bumpNamespaceVersion(_ namespace: String) async throws(CacheStoreError) -> UInt64
    /// `ok`, or `degraded` while the store's breaker is open.
    var health: StoreHealth { get }
}
