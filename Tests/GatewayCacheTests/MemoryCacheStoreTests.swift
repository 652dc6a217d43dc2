import GatewayCache
import Testing

@Suite("In-process cache store")
struct MemoryCacheStoreTests {
    func key(_ text: String, namespace: String = "default", version: UInt64 = 0) -> CacheKey {
        CacheKey(namespace: namespace, version: version, digest: RequestDigest(hashing: Array(text.utf8)))
    }

    @Test func bytesAreKeyPlusValuePlusOverhead() {
        let clock = ManualWallClock(start: Fixtures.t0)
        let store = MemoryCacheStore(maxBytes: 1 << 20, clock: clock)
        let answer = Fixtures.answer(now: clock.now())
        let cacheKey = key("a")
        #expect(store.put(cacheKey, answer))
        let expected = cacheKey.storageKey.utf8.count + CachedAnswerCodec.encode(answer).count + MemoryCacheStore.entryOverhead
        #expect(store.stats.bytes == expected)
        #expect(store.stats.entries == 1)
    }

    @Test func hitsMissesAndEvictionsAreCounted() {
        let clock = ManualWallClock(start: Fixtures.t0)
        let answer = Fixtures.answer(now: clock.now())
        let perEntry = MemoryCacheStore.cost(storageKey: key("a").storageKey, valueBytes: CachedAnswerCodec.encode(answer).count)
        let store = MemoryCacheStore(maxBytes: perEntry * 2, clock: clock)
        store.put(key("a"), answer)
        store.put(key("b"), answer)
        #expect(store.get(key("a")) == answer)
        store.put(key("c"), answer)  // evicts b, the least recently used
        #expect(store.get(key("b")) == nil)
        #expect(store.get(key("c")) == answer)
        let stats = store.stats
        #expect(stats.hits == 2)
        #expect(stats.misses == 1)
        #expect(stats.evictions == 1)
        #expect(stats.entries == 2)
        #expect(stats.bytes <= stats.maxBytes)
    }

    @Test func ttlRunsOnTheInjectedClock() {
        let clock = ManualWallClock(start: Fixtures.t0)
        let store = MemoryCacheStore(maxBytes: 1 << 20, clock: clock)
        store.put(key("a"), Fixtures.answer(now: clock.now(), ttl: .seconds(30)))
        clock.advance(by: .seconds(29))
        #expect(store.get(key("a")) != nil)
        clock.advance(by: .seconds(1))
        #expect(store.get(key("a")) == nil)
        #expect(store.stats.expirations == 1)
        #expect(store.stats.entries == 0)
    }

    @Test func aNamespaceCanBeDroppedWithoutTouchingOthers() {
        let clock = ManualWallClock(start: Fixtures.t0)
        let store = MemoryCacheStore(maxBytes: 1 << 20, clock: clock)
        let answer = Fixtures.answer(now: clock.now())
        store.put(key("a", namespace: "default"), answer)
        store.put(key("b", namespace: "default", version: 3), answer)
        store.put(key("a", namespace: "default:x"), answer)
        store.put(key("a", namespace: "sales-eu"), answer)
        #expect(store.removeNamespace("default") == 2)
        #expect(store.get(key("a", namespace: "default:x")) != nil)
        #expect(store.get(key("a", namespace: "sales-eu")) != nil)
    }

    @Test func peekCountsNothingAndKeepsRecency() {
        let clock = ManualWallClock(start: Fixtures.t0)
        let store = MemoryCacheStore(maxBytes: 1 << 20, clock: clock)
        store.put(key("a"), Fixtures.answer(now: clock.now()))
        store.put(key("b"), Fixtures.answer(now: clock.now()))
        #expect(store.peek(key("a")) != nil)
        #expect(store.peek(key("zzz")) == nil)
        #expect(store.stats.hits == 0)
        #expect(store.stats.misses == 0)
        #expect(store.liveEntries().map(\.storageKey) == [key("b").storageKey, key("a").storageKey])
    }

    @Test func liveEntriesSkipExpiredOnes() {
        let clock = ManualWallClock(start: Fixtures.t0)
        let store = MemoryCacheStore(maxBytes: 1 << 20, clock: clock)
        store.put(key("short"), Fixtures.answer(now: clock.now(), ttl: .seconds(1)))
        store.put(key("long"), Fixtures.answer(now: clock.now(), ttl: .seconds(100)))
        clock.advance(by: .seconds(2))
        #expect(store.liveEntries().map(\.storageKey) == [key("long").storageKey])
        #expect(store.removeExpired() == 1)
    }
}
