/// Counters and gauges of the in-process tier (`gateway_cache_entries{store="memory"}`,
/// `gateway_cache_bytes{store="memory"}` and the lookup counters).
public struct MemoryCacheStats: Sendable, Hashable {
    /// Entries held (expired ones not yet dropped included).
    public var entries = 0
    /// Accounted bytes held (see ``MemoryCacheStore/entryOverhead``).
    public var bytes = 0
    /// The configured bound (`cache.memory.max_bytes`).
    public var maxBytes = 0
    /// Lookups that found a live entry.
    public var hits: UInt64 = 0
    /// Lookups that found nothing, or an expired entry.
    public var misses: UInt64 = 0
    /// Entries dropped to make room.
    public var evictions: UInt64 = 0
    /// Entries dropped because their TTL had passed.
    public var expirations: UInt64 = 0
    /// Answers refused because one alone exceeds `max_bytes`.
    public var rejectedTooLarge: UInt64 = 0

    /// Empty counters.
    public init() {}
}
