import GatewayCache
import GatewayCore
import Locking
import Testing

/// How the request handler is meant to combine the pieces: rules → key → lookup →
/// single-flight around the upstream call, which stores a cacheable answer itself.
@Suite("Exact cache wiring example")
struct WiringExampleTests {
    final class Upstream: Sendable {
        let calls = Locked(0)
        let fail: Bool
        init(fail: Bool) { self.fail = fail }
        func call(_ request: ChatRequest) async throws -> ChatResponse {
            calls.withLock { $0 += 1 }
            await Task.yield()
            if fail { throw UpstreamFailed() }
            return ChatResponse(id: "r", model: "sim-fast", text: "Sunny.", finishReason: .stop, usage: Usage(inputTokens: 5, outputTokens: 1))
        }
    }

    /// What the handler does for one non-streaming request; returns the text and the
    /// `x-gateway-cache` value.
    static func handle(
        _ request: ChatRequest, cache: ExactCache, flights: SingleFlight<CacheKey, ChatResponse>,
        upstream: Upstream, policy: AliasCachePolicy, clock: any WallClock
    ) async throws -> (String, String) {
        if let reason = Cacheability.lookupBypass(request: request, policy: policy, directive: .normal) {
            _ = reason
            return (try await upstream.call(request).text, "bypass")
        }
        let key = await cache.key(for: request, alias: request.model, namespace: CacheKey.defaultNamespace)
        if case .hit(let answer, _) = await cache.lookup(key) { return (answer.text, "hit-exact") }
        let result = try await flights.run(key: key) {
            // A flight that finished between our lookup and this call may have stored it.
            if let answer = cache.memory.peek(key) { return answer.response(id: "cached") }
            let response = try await upstream.call(request)
            if Cacheability.storeBypass(request: request, policy: policy, directive: .normal, finishReason: response.finishReason) == nil {
                await cache.store(CachedAnswer(response: response, provider: "sim", now: clock.now(), ttl: policy.ttl), under: key)
            }
            return response
        }
        return (result.value.text, "miss")
    }

    @Test func concurrentMissesCallOnceThenHit() async throws {
        let clock = ManualWallClock()
        let cache = ExactCache(memory: MemoryCacheStore(clock: clock), shared: InMemoryCacheStore(clock: clock), clock: clock)
        let flights = SingleFlight<CacheKey, ChatResponse>()
        let upstream = Upstream(fail: false)
        let request = Fixtures.request()
        let policy = AliasCachePolicy()
        let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 {
                group.addTask { try await Self.handle(request, cache: cache, flights: flights, upstream: upstream, policy: policy, clock: clock).1 }
            }
            var all: [String] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.allSatisfy { $0 == "miss" || $0 == "hit-exact" })
        #expect(upstream.calls.withLock { $0 } == 1)
        let again = try await Self.handle(request, cache: cache, flights: flights, upstream: upstream, policy: policy, clock: clock)
        #expect(again == ("Sunny.", "hit-exact"))
    }

    @Test func aFailedCallCachesNothing() async throws {
        let clock = ManualWallClock()
        let cache = ExactCache(memory: MemoryCacheStore(clock: clock), shared: nil, clock: clock)
        let flights = SingleFlight<CacheKey, ChatResponse>()
        let upstream = Upstream(fail: true)
        await #expect(throws: UpstreamFailed.self) {
            _ = try await Self.handle(Fixtures.request(), cache: cache, flights: flights, upstream: upstream, policy: AliasCachePolicy(), clock: clock)
        }
        #expect(cache.memory.stats.entries == 0)
    }
}
