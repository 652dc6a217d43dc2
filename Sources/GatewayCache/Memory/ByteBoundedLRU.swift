/// A least-recently-used map bounded by the sum of its entries' costs (bytes), with a
/// per-entry expiry checked against the instant passed in. Get, put and remove are O(1):
/// a dictionary from key to slot, and a doubly linked recency list threaded through an
/// array of slots by index (no per-entry object), with freed slots reused.
///
/// Expired entries are dropped lazily when read (counted as `expired`, not as a hit) and in
/// bulk by ``removeExpired(now:)``; eviction takes the least recently used entry first.
public struct ByteBoundedLRU<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var key: Key
        var value: Value
        var cost: Int
        var expiresAt: CacheInstant
        var newer: Int
        var older: Int
    }

    /// The answer of ``get(_:now:)``.
    public enum Lookup: Sendable {
        case hit(Value)
        case miss
        /// The key was there but had expired; it is removed now.
        case expired
    }

    /// What ``put(_:_:cost:expiresAt:now:)`` did.
    public struct Insertion: Sendable, Hashable {
        /// False when the entry alone exceeds the capacity or is already expired.
        public var stored: Bool
        /// How many older entries were evicted to make room.
        public var evicted: Int

        /// An outcome (for tests).
        public init(stored: Bool, evicted: Int) {
            self.stored = stored
            self.evicted = evicted
        }
    }

    /// The bound on the sum of costs.
    public let capacity: Int
    /// The sum of the costs of the entries held.
    public private(set) var totalCost = 0
    private var slots: [Node?] = []
    private var freeSlots: [Int] = []
    private var index: [Key: Int] = [:]
    private var newest = -1
    private var oldest = -1

    /// An empty map holding at most `capacity` in costs.
    public init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// How many entries are held (expired ones not yet removed included).
    public var count: Int { index.count }

    /// The value for `key` if present and live at `now`, made the most recently used.
    public mutating func get(_ key: Key, now: CacheInstant) -> Lookup {
        guard let slot = index[key], let node = slots[slot] else { return .miss }
        guard now < node.expiresAt else {
            removeSlot(slot)
            return .expired
        }
        moveToFront(slot)
        return .hit(node.value)
    }

    /// The value for `key` if present and live at `now`, leaving recency alone.
    public func peek(_ key: Key, now: CacheInstant) -> Value? {
        guard let slot = index[key], let node = slots[slot], now < node.expiresAt else { return nil }
        return node.value
    }

    /// Stores `value` under `key` (replacing any older value) as the most recently used,
    /// then evicts the least recently used entries until the costs fit the capacity.
    public mutating func put(
        _ key: Key, _ value: Value, cost: Int, expiresAt: CacheInstant, now: CacheInstant
    ) -> Insertion {
        if let slot = index[key] { removeSlot(slot) }
        guard cost <= capacity, now < expiresAt else { return Insertion(stored: false, evicted: 0) }
        let node = Node(key: key, value: value, cost: cost, expiresAt: expiresAt, newer: -1, older: newest)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = node
        } else {
            slot = slots.count
            slots.append(node)
        }
        if newest >= 0 { slots[newest]!.newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
        index[key] = slot
        totalCost += cost
        var evicted = 0
        while totalCost > capacity, oldest >= 0, oldest != slot {
            removeSlot(oldest)
            evicted += 1
        }
        return Insertion(stored: true, evicted: evicted)
    }

    /// Removes `key`; true if it was there.
    @discardableResult
    public mutating func remove(_ key: Key) -> Bool {
        guard let slot = index[key] else { return false }
        removeSlot(slot)
        return true
    }

    /// Removes every entry expired at `now` (O(n)); returns how many.
    public mutating func removeExpired(now: CacheInstant) -> Int {
        removeAll { _, expiresAt in expiresAt <= now }
    }

    /// Removes every entry for which `shouldRemove(key, expiresAt)` holds (O(n)).
    public mutating func removeAll(where shouldRemove: (Key, CacheInstant) -> Bool) -> Int {
        var removed = 0
        var slot = oldest
        while slot >= 0, let node = slots[slot] {
            let next = node.newer
            if shouldRemove(node.key, node.expiresAt) {
                removeSlot(slot)
                removed += 1
            }
            slot = next
        }
        return removed
    }

    /// The entries live at `now`, most recently used first, without touching recency.
    public func entries(liveAt now: CacheInstant) -> [(key: Key, value: Value, expiresAt: CacheInstant)] {
        var result: [(key: Key, value: Value, expiresAt: CacheInstant)] = []
        result.reserveCapacity(index.count)
        var slot = newest
        while slot >= 0, let node = slots[slot] {
            if now < node.expiresAt { result.append((node.key, node.value, node.expiresAt)) }
            slot = node.older
        }
        return result
    }

    /// The keys from least to most recently used (for tests of eviction order).
    public var keysOldestFirst: [Key] {
        var result: [Key] = []
        var slot = oldest
        while slot >= 0, let node = slots[slot] {
            result.append(node.key)
            slot = node.newer
        }
        return result
    }

    private mutating func unlink(_ slot: Int) {
        let node = slots[slot]!
        if node.newer >= 0 { slots[node.newer]!.older = node.older } else { newest = node.older }
        if node.older >= 0 { slots[node.older]!.newer = node.newer } else { oldest = node.newer }
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        slots[slot]!.older = newest
        slots[slot]!.newer = -1
        if newest >= 0 { slots[newest]!.newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    private mutating func removeSlot(_ slot: Int) {
        unlink(slot)
        let node = slots[slot]!
        index[node.key] = nil
        totalCost -= node.cost
        slots[slot] = nil
        freeSlots.append(slot)
    }
}
