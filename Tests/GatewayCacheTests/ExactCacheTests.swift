import GatewayCache
import GatewayCore
import Testing

@Suite("Exact cache over memory and a shared store")
struct ExactCacheTests {
    let clock = ManualWallClock(start: Fixtures.t0)

    func cache(shared: InMemoryCacheStore?, maxBytes: Int = 1 << 20) -> ExactCache {
        ExactCache(memory: MemoryCacheStore(maxBytes: maxBytes, clock: clock), shared: shared, clock: clock)
    }

    @Test func aStoredAnswerHitsFromMemory() async {
        let exact = cache(shared: nil)
        let key = await exact.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        #expect(await exact.lookup(key) == .miss)
        let answer = Fixtures.answer(now: clock.now())
        await exact.store(answer, under: key)
        #expect(await exact.lookup(key) == .hit(answer, tier: .memory))
    }

    @Test func aSharedHitOnAnotherGatewayFillsItsMemory() async {
        let shared = InMemoryCacheStore(clock: clock)
        let first = cache(shared: shared)
        let second = cache(shared: shared)
        let key = await first.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        let answer = Fixtures.answer(now: clock.now())
        await first.store(answer, under: key)
        let otherKey = await second.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        #expect(otherKey == key)
        #expect(await second.lookup(otherKey) == .hit(answer, tier: .shared))
        #expect(await second.lookup(otherKey) == .hit(answer, tier: .memory))
    }

    @Test func aFailingSharedStoreIsAMissNeverAnError() async {
        let shared = InMemoryCacheStore(clock: clock)
        shared.setFailure(.timedOut)
        let exact = cache(shared: shared)
        let key = await exact.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        #expect(await exact.lookup(key) == .miss)
        let answer = Fixtures.answer(now: clock.now())
        await exact.store(answer, under: key)
        #expect(await exact.lookup(key) == .hit(answer, tier: .memory))
    }

    @Test func corruptSharedBytesAreAMiss() async throws {
        let shared = InMemoryCacheStore(clock: clock)
        let exact = cache(shared: shared)
        let key = await exact.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        try await shared.set(key.storageKey, [1, 2, 3], ttl: .seconds(10))
        #expect(await exact.lookup(key) == .miss)
    }

    @Test func invalidationBumpsTheVersionForEveryGatewaySharingTheStore() async {
        let shared = InMemoryCacheStore(clock: clock)
        let first = cache(shared: shared)
        let second = cache(shared: shared)
        let before = await second.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        await second.store(Fixtures.answer(now: clock.now()), under: before)
        let invalidation = await first.invalidate(namespace: "default")
        #expect(invalidation == Invalidation(version: 1, shared: true))
        // The second gateway trusts its known version for `versionRefresh` (1 s), then re-reads it.
        clock.advance(by: .seconds(1))
        let after = await second.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        #expect(after.version == 1)
        #expect(await second.lookup(after) == .miss)
    }

    @Test func invalidationWithoutTheSharedStoreIsLocalAndSaysSo() async {
        let shared = InMemoryCacheStore(clock: clock)
        shared.setFailure(.unavailable)
        let exact = cache(shared: shared)
        let key = await exact.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        await exact.store(Fixtures.answer(now: clock.now()), under: key)
        #expect(await exact.invalidate(namespace: "default") == Invalidation(version: 1, shared: false))
        #expect(await exact.lookup(key) == .miss)
        let next = await exact.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        #expect(next.version == 1)
    }

    @Test func expiredAnswersAreNotServed() async {
        let shared = InMemoryCacheStore(clock: clock)
        let exact = cache(shared: shared)
        let key = await exact.key(for: Fixtures.request(), alias: "fast", namespace: "default")
        await exact.store(Fixtures.answer(now: clock.now(), ttl: .seconds(5)), under: key)
        clock.advance(by: .seconds(5))
        #expect(await exact.lookup(key) == .miss)
    }
}
