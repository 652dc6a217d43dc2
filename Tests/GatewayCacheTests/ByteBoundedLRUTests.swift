import SeededRandom
import GatewayCache
import Testing

@Suite("Byte-bounded LRU")
struct ByteBoundedLRUTests {
    let now = Fixtures.t0
    var later: CacheInstant { now + .seconds(3600) }

    @Test func theSumOfCostsStaysWithinTheBound() {
        var lru = ByteBoundedLRU<String, Int>(capacity: 100)
        for index in 0..<50 {
            _ = lru.put("k\(index)", index, cost: 7 + index % 5, expiresAt: later, now: now)
            #expect(lru.totalCost <= 100)
        }
        #expect(lru.count < 50)
    }

    @Test func theLeastRecentlyUsedIsEvictedFirst() {
        var lru = ByteBoundedLRU<String, Int>(capacity: 30)
        for key in ["a", "b", "c"] { _ = lru.put(key, 0, cost: 10, expiresAt: later, now: now) }
        guard case .hit = lru.get("a", now: now) else {
            Issue.record("a should be present")
            return
        }
        #expect(lru.keysOldestFirst == ["b", "c", "a"])
        let insertion = lru.put("d", 0, cost: 10, expiresAt: later, now: now)
        #expect(insertion == .init(stored: true, evicted: 1))
        #expect(lru.keysOldestFirst == ["c", "a", "d"])
        let big = lru.put("e", 0, cost: 25, expiresAt: later, now: now)
        #expect(big.evicted == 3)
        #expect(lru.keysOldestFirst == ["e"])
        #expect(lru.totalCost == 25)
    }

    @Test func replacingAKeyReplacesItsCost() {
        var lru = ByteBoundedLRU<String, Int>(capacity: 100)
        _ = lru.put("a", 1, cost: 40, expiresAt: later, now: now)
        _ = lru.put("a", 2, cost: 10, expiresAt: later, now: now)
        #expect(lru.count == 1)
        #expect(lru.totalCost == 10)
        guard case .hit(let value) = lru.get("a", now: now) else {
            Issue.record("a should be present")
            return
        }
        #expect(value == 2)
    }

    @Test func anEntryLargerThanTheBoundIsRefused() {
        var lru = ByteBoundedLRU<String, Int>(capacity: 10)
        _ = lru.put("a", 1, cost: 5, expiresAt: later, now: now)
        #expect(lru.put("huge", 1, cost: 11, expiresAt: later, now: now) == .init(stored: false, evicted: 0))
        #expect(lru.keysOldestFirst == ["a"])
    }

    @Test func expiryFollowsTheInstantPassedIn() {
        var lru = ByteBoundedLRU<String, Int>(capacity: 100)
        _ = lru.put("short", 1, cost: 10, expiresAt: now + .seconds(10), now: now)
        _ = lru.put("long", 2, cost: 10, expiresAt: now + .seconds(100), now: now)
        guard case .hit = lru.get("short", now: now + .milliseconds(9_999)) else {
            Issue.record("short should still be live")
            return
        }
        guard case .expired = lru.get("short", now: now + .seconds(10)) else {
            Issue.record("short should have expired")
            return
        }
        #expect(lru.count == 1)
        #expect(lru.totalCost == 10)
        #expect(lru.put("dead", 3, cost: 1, expiresAt: now, now: now).stored == false)
        #expect(lru.removeExpired(now: now + .seconds(100)) == 1)
        #expect(lru.count == 0)
    }

    @Test func entriesListLiveOnesNewestFirstAndSlotsAreReused() {
        var lru = ByteBoundedLRU<Int, Int>(capacity: 1_000)
        for round in 0..<3 {
            for key in 0..<10 { _ = lru.put(key, round, cost: 10, expiresAt: later, now: now) }
            for key in 0..<10 where key % 2 == 0 { lru.remove(key) }
        }
        _ = lru.put(100, 0, cost: 10, expiresAt: now + .seconds(1), now: now)
        let keys = lru.entries(liveAt: now + .seconds(2)).map(\.key)
        #expect(keys == [9, 7, 5, 3, 1])
        #expect(lru.count == 6)
    }

    @Test func aLongRandomRunKeepsTheInvariants() {
        var generator = SplitMix64(seed: 7)
        var lru = ByteBoundedLRU<UInt64, UInt64>(capacity: 5_000)
        var clock = now
        for _ in 0..<20_000 {
            let key = generator.next() % 300
            switch generator.next() % 4 {
            case 0: _ = lru.get(key, now: clock)
            case 1: lru.remove(key)
            default:
                let cost = Int(generator.next() % 120) + 1
                _ = lru.put(key, key, cost: cost, expiresAt: clock + .milliseconds(Int64(generator.next() % 5_000)), now: clock)
            }
            clock = clock + .milliseconds(1)
            #expect(lru.totalCost <= 5_000)
        }
        #expect(lru.keysOldestFirst.count == lru.count)
        #expect(Set(lru.keysOldestFirst).count == lru.count)
    }
}
