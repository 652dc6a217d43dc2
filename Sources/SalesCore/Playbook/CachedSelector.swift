import Locking

/// ``PrincipleSelector`` behind an LRU cache keyed on its real inputs, shared by every
/// session of an agent process.
public final class CachedSelector: Sendable {
    public let selector: PrincipleSelector
    private let cache: Locked<LRUCache<SelectionInput, Selection>>

    public init(selector: PrincipleSelector, capacity: Int = 4096) {
        self.selector = selector
        self.cache = Locked(LRUCache(capacity: capacity))
    }

    /// The selection, and whether it came from the cache.
    public func select(_ input: SelectionInput) -> (Selection, cached: Bool) {
        if let hit = cache.withLock({ $0.value(for: input) }) { return (hit, true) }
        let selection = selector.select(input)
        cache.withLock { $0.insert(selection, for: input) }
        return (selection, false)
    }

    public var stats: (hits: Int, misses: Int) {
        cache.withLock { ($0.hits, $0.misses) }
    }
}
