import Locking

/// The in-process tier: a ``ByteBoundedLRU`` of ``CachedAnswer``s behind one lock, with the
/// wall clock injected. Each entry is accounted as the UTF-8 bytes of its storage key, plus
/// the bytes of its ``CachedAnswerCodec`` encoding, plus ``entryOverhead``.
public final class MemoryCacheStore: Sendable {
    /// The fixed per-entry cost added to key and value bytes: the LRU slot (key, answer
    /// fields, cost, expiry and links: about 160 bytes of inline storage), the dictionary
    /// bucket at ≤ 75 % load (about 32), and heap headers and allocator rounding of the
    /// key and text strings and the tool-call array (about 96).
    public static let entryOverhead = 288

    private struct State: Sendable {
        var lru: ByteBoundedLRU<String, CachedAnswer>
        var stats = MemoryCacheStats()
    }

    private let state: Locked<State>
    private let clock: any WallClock

    /// A store bounded to `maxBytes` (the contract's default is 256 MiB).
    public init(maxBytes: Int = 256 * 1024 * 1024, clock: any WallClock = SystemWallClock()) {
        var initial = State(lru: ByteBoundedLRU(capacity: maxBytes))
        initial.stats.maxBytes = maxBytes
        self.state = Locked(initial)
        self.clock = clock
    }

    /// The bytes accounted for an entry.
    public static func cost(storageKey: String, valueBytes: Int) -> Int {
        storageKey.utf8.count + valueBytes + entryOverhead
    }

    /// The live answer for `key`, counted as a hit or a miss.
    public func get(_ key: CacheKey) -> CachedAnswer? { get(storageKey: key.storageKey) }

    /// The live answer stored under `storageKey`, counted as a hit or a miss.
    public func get(storageKey: String) -> CachedAnswer? {
        let now = clock.now()
        return state.withLock { state in
            switch state.lru.get(storageKey, now: now) {
            case .hit(let answer):
                state.stats.hits += 1
                return answer
            case .miss:
                state.stats.misses += 1
                return nil
            case .expired:
                state.stats.misses += 1
                state.stats.expirations += 1
                return nil
            }
        }
    }

    /// The live answer for `key` without counting a lookup or refreshing recency: for the
    /// second look a single-flight leader takes before calling upstream.
    public func peek(_ key: CacheKey) -> CachedAnswer? {
        let storageKey = key.storageKey
        let now = clock.now()
        return state.withLock { $0.lru.peek(storageKey, now: now) }
    }

    /// Stores `answer` under `key`; false if it is expired or alone exceeds the bound.
    @discardableResult
    public func put(_ key: CacheKey, _ answer: CachedAnswer, valueBytes: Int? = nil) -> Bool {
        put(storageKey: key.storageKey, answer, valueBytes: valueBytes)
    }

    /// Stores `answer` under `storageKey`. `valueBytes` is its encoded size when the caller
    /// already has the bytes (a Redis hit); otherwise it is computed.
    @discardableResult
    public func put(storageKey: String, _ answer: CachedAnswer, valueBytes: Int? = nil) -> Bool {
        let bytes = valueBytes ?? CachedAnswerCodec.encode(answer).count
        let cost = Self.cost(storageKey: storageKey, valueBytes: bytes)
        let now = clock.now()
        return state.withLock { state in
            let insertion = state.lru.put(storageKey, answer, cost: cost, expiresAt: answer.expiresAt, now: now)
            state.stats.evictions += UInt64(insertion.evicted)
            if !insertion.stored, cost > state.lru.capacity { state.stats.rejectedTooLarge += 1 }
            return insertion.stored
        }
    }

    /// Removes the entry under `key`, if any.
    public func remove(_ key: CacheKey) {
        _ = state.withLock { $0.lru.remove(key.storageKey) }
    }

    /// Drops every entry of `namespace` (any version); returns how many. O(n): for
    /// `DELETE /v1/cache`, which bumps the version anyway, so this only frees memory early.
    @discardableResult
    public func removeNamespace(_ namespace: String) -> Int {
        let prefix = "llmgw:e\(CanonicalRequest.formatVersion):\(namespace):"
        return state.withLock { state in
            state.lru.removeAll { key, _ in
                key.hasPrefix(prefix) && !key.dropFirst(prefix.count).dropLast(65).contains(":")
            }
        }
    }

    /// Drops every expired entry (a janitor's job); returns how many.
    @discardableResult
    public func removeExpired() -> Int {
        let now = clock.now()
        return state.withLock { state in
            let removed = state.lru.removeExpired(now: now)
            state.stats.expirations += UInt64(removed)
            return removed
        }
    }

    /// The live entries, most recently used first (what the snapshot writes).
    public func liveEntries() -> [(storageKey: String, answer: CachedAnswer)] {
        let now = clock.now()
        return state.withLock { state in
            state.lru.entries(liveAt: now).map { ($0.key, $0.value) }
        }
    }

    /// The current counters and gauges.
    public var stats: MemoryCacheStats {
        state.withLock { state in
            var stats = state.stats
            stats.entries = state.lru.count
            stats.bytes = state.lru.totalCost
            return stats
        }
    }
}
