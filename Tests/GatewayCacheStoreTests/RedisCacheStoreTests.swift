import GatewayTesting
import Foundation
import GatewayCache
import GatewayCacheStores
import TestSupport
import Testing

/// Against a real redis-server started by each test. Outcomes are asserted, not durations,
/// except "returned before a generous deadline": 50× the timeout (×TEST_TIME_SCALE under a
/// sanitizer), so only a call that hangs, or waits behind other calls' timeouts, misses it.
@Suite("Redis cache store (real redis-server)", .serialized)
struct RedisCacheStoreTests {
    /// The timeout of the failure tests, and their bound on any one call.
    static let timeout = Duration.milliseconds(200)
    static let generous = TestTiming.scaled(timeout * 50)

    /// A store; the happy-path tests use a 30 s timeout so a loaded machine cannot fail them.
    /// (A reply that arrives in time wins even if the cooperative pool is starved and runs
    /// the deadline's timer late: the worker thread completes the job when the reply comes,
    /// see `reportsTheReplyThatArrivedBeforeALateTimer` in RedisJobTests.)
    func store(
        port: Int, logs: LogCapture = LogCapture(), connections: Int = 2, timeout: Duration = .seconds(30),
        url: String? = nil
    ) throws -> RedisCacheStore {
        let config = RedisCacheStoreConfig(
            url: try RedisURL(parsing: url ?? "redis://127.0.0.1:\(port)/0"), timeout: timeout,
            connections: connections,
            breaker: StoreBreakerConfig(failuresToOpen: 3, firstProbeDelay: .milliseconds(20), maxProbeDelay: .milliseconds(200)),
            tickInterval: .milliseconds(10))
        return RedisCacheStore(config: config, logger: logs.logger())
    }

    /// Runs `body` and reports whether it returned before `limit`.
    func returnsWithin<T>(_ limit: Duration, _ body: () async -> T) async -> (T, Bool) {
        let start = ContinuousClock.now
        let value = await body()
        return (value, ContinuousClock.now - start < limit)
    }

    @Test func setGetAndExpiry() async throws {
        let server = try RedisServer()
        let store = try store(port: server.port)
        defer { store.shutdown() }
        let bytes = CachedAnswerCodec.encode(Fixtures.answer())
        try await store.set("llmgw:test:a", bytes, ttl: .seconds(3_600))
        #expect(try await store.get("llmgw:test:a") == bytes)
        #expect(try await store.get("llmgw:test:missing") == nil)
        try await store.set("llmgw:test:short", [1, 2, 3], ttl: .milliseconds(100))
        let deadline = ContinuousClock.now + TestTiming.scaled(.seconds(10))
        var expired = false
        while !expired, ContinuousClock.now < deadline {
            expired = try await store.get("llmgw:test:short") == nil
            if !expired { try await Task.sleep(for: .milliseconds(10)) }
        }
        if !expired { expired = try await store.get("llmgw:test:short") == nil }
        #expect(expired)
        #expect(store.health == .ok)
    }

    @Test func concurrentCallsArePipelinedAndEachGetsItsOwnReply() async throws {
        let server = try RedisServer()
        let store = try store(port: server.port, connections: 1)
        defer { store.shutdown() }
        let matched = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let value = Array("value-\(index)".utf8)
                    guard (try? await store.set("k\(index)", value, ttl: .seconds(60))) != nil else { return false }
                    return (try? await store.get("k\(index)")) == value
                }
            }
            var all = true
            for await ok in group { all = all && ok }
            return all
        }
        #expect(matched)
        #expect(store.stats.replies == 400)
    }

    @Test func aVersionBumpIsSeenByASecondClient() async throws {
        let server = try RedisServer()
        let first = try store(port: server.port)
        let second = try store(port: server.port)
        defer { first.shutdown(); second.shutdown() }
        #expect(try await second.namespaceVersion("default") == 0)
        #expect(try await first.bumpNamespaceVersion("default") == 1)
        #expect(try await second.namespaceVersion("default") == 1)
        #expect(try await second.bumpNamespaceVersion("default") == 2)
        #expect(try await first.namespaceVersion("default") == 2)
        #expect(try await first.namespaceVersion("sales-eu") == 0)
    }

    @Test func twoGatewaysShareAnswersThroughRedis() async throws {
        let server = try RedisServer()
        let clock = ManualWallClock()
        let firstStore = try store(port: server.port)
        let secondStore = try store(port: server.port)
        defer { firstStore.shutdown(); secondStore.shutdown() }
        let first = ExactCache(memory: MemoryCacheStore(clock: clock), shared: firstStore, clock: clock)
        let second = ExactCache(memory: MemoryCacheStore(clock: clock), shared: secondStore, clock: clock)
        let key = await first.key(for: Fixtures.request, alias: "fast", namespace: "default")
        let answer = Fixtures.answer(now: clock.now())
        await first.store(answer, under: key)
        let otherKey = await second.key(for: Fixtures.request, alias: "fast", namespace: "default")
        #expect(await second.lookup(otherKey) == .hit(answer, tier: .shared))
        #expect(await second.lookup(otherKey) == .hit(answer, tier: .memory))
    }

    @Test func passwordAndDatabaseAreUsedAndTheWrongPasswordIsNeverLogged() async throws {
        let server = try RedisServer(extraArguments: ["--requirepass", "hunter2-secret"])
        let good = try store(port: server.port, url: "redis://:hunter2-secret@127.0.0.1:\(server.port)/3")
        defer { good.shutdown() }
        try await good.set("k", [1], ttl: .seconds(60))
        #expect(try await good.get("k") == [1])
        let otherDatabase = try store(port: server.port, url: "redis://:hunter2-secret@127.0.0.1:\(server.port)/4")
        defer { otherDatabase.shutdown() }
        #expect(try await otherDatabase.get("k") == nil)

        let logs = LogCapture()
        let bad = try store(port: server.port, logs: logs, url: "redis://:wrong-secret@127.0.0.1:\(server.port)/0")
        defer { bad.shutdown() }
        for _ in 0..<5 { _ = try? await bad.get("k") }
        #expect(bad.health == .degraded)
        #expect(logs.count(containing: "redis cache store unavailable") == 1)
        #expect(logs.count(containing: "wrong-secret") == 0, "\(logs.messages)")
        #expect(logs.count(containing: "hunter2") == 0)
    }

    @Test func unixSocket() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redis-\(UUID().uuidString.prefix(8)).sock").path
        let server = try RedisServer(extraArguments: ["--unixsocket", path])
        let store = try store(port: server.port, url: "unix:\(path)")
        defer {
            store.shutdown()
            server.kill()
            try? FileManager.default.removeItem(atPath: path)
        }
        try await store.set("k", [9], ttl: .seconds(60))
        #expect(try await store.get("k") == [9])
    }

    @Test func redisKilledFailsFastOpensTheBreakerOnceAndRecoversByItself() async throws {
        let server = try RedisServer()
        let logs = LogCapture()
        let store = try store(port: server.port, logs: logs, timeout: Self.timeout)
        defer { store.shutdown() }
        try await store.set("k", [1], ttl: .seconds(60))
        server.kill()
        for _ in 0..<50 {
            let (outcome, inTime) = await returnsWithin(Self.generous) { try? await store.get("k") }
            #expect(outcome == nil)
            #expect(inTime)
        }
        #expect(store.health == .degraded)
        await #expect(throws: CacheStoreError.unavailable) { try await store.get("k") }
        #expect(logs.count(containing: "redis cache store unavailable") == 1, "\(logs.messages)")

        try server.start()
        let deadline = ContinuousClock.now + TestTiming.scaled(.seconds(10))
        while store.health != .ok, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        if store.health != .ok { _ = try? await store.get("k") }
        #expect(store.health == .ok)
        var value: [UInt8]?
        repeat {
            try? await store.set("k", [2], ttl: .seconds(60))
            value = try? await store.get("k")
        } while value != [2] && ContinuousClock.now < deadline
        #expect(value == [2])
        #expect(logs.count(containing: "redis cache store recovered") == 1, "\(logs.messages)")
        #expect(logs.count(containing: "redis cache store unavailable") == 1)
    }

    @Test func aGatewayStartsWhileRedisIsDown() async throws {
        let port = try freeLoopbackPort()
        let store = try store(port: port, timeout: Self.timeout)
        defer { store.shutdown() }
        for _ in 0..<5 {
            let (_, inTime) = await returnsWithin(Self.generous) { try? await store.get("k") }
            #expect(inTime)
        }
        let server = try RedisServer(port: port)
        let deadline = ContinuousClock.now + TestTiming.scaled(.seconds(10))
        var value: [UInt8]?
        while value == nil, ContinuousClock.now < deadline {
            try? await store.set("k", [7], ttl: .seconds(60))
            value = try? await store.get("k")
            if value == nil { try await Task.sleep(for: .milliseconds(5)) }
        }
        if value == nil {
            try? await store.set("k", [7], ttl: .seconds(60))
            value = try? await store.get("k")
        }
        #expect(value == [7])
        server.kill()
    }

    @Test func aRedisThatNeverAnswersCostsAtMostTheTimeout() async throws {
        let silent = try SilentListener()
        let logs = LogCapture()
        let store = try store(port: silent.port, logs: logs, timeout: Self.timeout)
        defer { store.shutdown() }
        for _ in 0..<10 {
            let (outcome, inTime) = await returnsWithin(Self.generous) { try? await store.get("k") }
            #expect(outcome == nil)
            #expect(inTime)
        }
        // Concurrent callers too: none waits behind a hung one (100 callers served one after
        // another would take 100 timeouts, twice the generous bound).
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    let start = ContinuousClock.now
                    _ = try? await store.set("k", [1], ttl: .seconds(1))
                    return ContinuousClock.now - start < Self.generous
                }
            }
            for await inTime in group { #expect(inTime) }
        }
        #expect(store.health == .degraded)
        #expect(store.stats.timeouts + store.stats.failures >= 3)
        #expect(logs.count(containing: "redis cache store unavailable") == 1)
    }
}

/// Latency of one GET through the store (task → worker thread → Redis → back) on loopback.
/// Off by default: `CACHE_BENCH=1 swift test -c release --filter RedisLatencyBenchmark`.
@Suite("Redis store latency benchmark", .enabled(if: ProcessInfo.processInfo.environment["CACHE_BENCH"] == "1"))
struct RedisLatencyBenchmark {
    @Test func getLatency() async throws {
        let server = try RedisServer()
        let store = RedisCacheStore(
            config: RedisCacheStoreConfig(url: try RedisURL(parsing: server.url), timeout: .milliseconds(50)),
            logger: LogCapture().logger())
        defer { store.shutdown() }
        let value = [UInt8](repeating: 7, count: 600)
        try await store.set("bench", value, ttl: .seconds(60))
        for concurrency in [1, 10] {
            let samples = await withTaskGroup(of: [Duration].self) { group in
                for _ in 0..<concurrency {
                    group.addTask {
                        var local: [Duration] = []
                        for _ in 0..<2_000 {
                            let start = ContinuousClock.now
                            _ = try? await store.get("bench")
                            local.append(ContinuousClock.now - start)
                        }
                        return local
                    }
                }
                var all: [Duration] = []
                for await local in group { all += local }
                return all.sorted()
            }
            func micros(_ q: Double) -> Double {
                let d = samples[min(Int(Double(samples.count) * q), samples.count - 1)]
                return Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
            }
            print(String(format: "redis GET, %d concurrent: p50 %.0f µs, p99 %.0f µs, max %.0f µs; timeouts %d",
                         concurrency, micros(0.5), micros(0.99), micros(1.0), store.stats.timeouts))
        }
    }
}
