import Foundation
import GatewayTesting
import Locking
import Testing

/// Issue 9: the exact tier shared by gateways through a real Redis, and warmed from a real
/// SQLite snapshot file across a restart.
@Suite("Exact cache shared through Redis and warmed from a snapshot", .timeLimit(.minutes(3)))
struct SharedCacheTests {
    static let redisStores = "  redis: {url_env: REDIS_URL, timeout_ms: 250}"

    static func run(
        redis: RedisServer, _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        try await GatewayHarness.run(
            simProfile: SimProfiles.zero, policy: { CachePolicies.policy($0, stores: Self.redisStores) },
            environment: ["REDIS_URL": redis.url], body)
    }

    static func cacheHeader(_ harness: GatewayHarness, _ message: String) async throws -> String? {
        let reply = try await harness.chat(GatewayHarness.body(model: "cached", message: message))
        #expect(reply.status == 200, "\(reply.body)")
        return reply.headers.first(name: "x-gateway-cache")
    }

    @Test func anAnswerCachedThroughOneGatewayHitsOnAnother() async throws {
        let redis = try RedisServer()
        try await Self.run(redis: redis) { first in
            try await Self.run(redis: redis) { second in
                #expect(try await Self.cacheHeader(first, "shared across gateways") == "miss")
                let reply = try await second.chat(GatewayHarness.body(model: "cached", message: "shared across gateways"))
                #expect(reply.headers.first(name: "x-gateway-cache") == "hit-exact")
                #expect(reply.headers.first(name: "x-gateway-provider") == "cache")
                #expect(second.sim.stats().requests == 0, "the second gateway never called its provider")
                let ready = try jsonObject(try await second.get("/health/ready").body)
                #expect(ready["redis"] as? String == "ok")
            }
        }
    }

    @Test func redisDyingMidLoadFailsNoRequestAndSharingResumesWhenItReturns() async throws {
        let redis = try RedisServer()
        try await Self.run(redis: redis) { first in
            try await Self.run(redis: redis) { second in
                for index in 0..<30 {
                    if index == 10 { redis.kill() }
                    #expect(try await Self.cacheHeader(first, "load \(index)") == "miss")
                    #expect(try await Self.cacheHeader(first, "load \(index)") == "hit-exact", "the memory tier still serves")
                }
                try await eventually("readiness says degraded and stays 200") {
                    let reply = try await first.get("/health/ready")
                    let redisState = try jsonObject(reply.body)["redis"] as? String
                    return reply.status == 200 && redisState == "degraded"
                }
                try redis.start()
                let attempt = Locked(0)
                try await eventually(timeout: .seconds(20), "entries are shared again") {
                    let index = attempt.withLock { $0 += 1; return $0 }
                    _ = try await Self.cacheHeader(first, "after restart \(index)")
                    return try await Self.cacheHeader(second, "after restart \(index)") == "hit-exact"
                }
                #expect(first.logs.all.filter { $0.contains("unavailable") }.count == 1, "the transition is logged once")
            }
        }
    }

    static func snapshotPolicy(_ path: String) -> @Sendable (String) -> String {
        { CachePolicies.policy($0, stores: "  snapshot: {path: \(path), interval_s: 3600}") }
    }

    @Test func aRestartedGatewayAnswersWarmFromItsSnapshot() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.sqlite").path
        try await GatewayHarness.run(policy: Self.snapshotPolicy(path)) { harness in
            let header = try await Self.cacheHeader(harness, "warm restart")
            #expect(header == "miss")
        }
        #expect(FileManager.default.fileExists(atPath: path), "graceful shutdown wrote the snapshot")
        try await GatewayHarness.run(policy: Self.snapshotPolicy(path)) { harness in
            let header = try await Self.cacheHeader(harness, "warm restart")
            #expect(header == "hit-exact")
            #expect(harness.sim.stats().requests == 0)
        }
    }

    @Test func aCorruptSnapshotStartsEmptyWithOneWarningAndKeepsTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.sqlite").path
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))
        try await GatewayHarness.run(policy: Self.snapshotPolicy(path)) { harness in
            let first = try await Self.cacheHeader(harness, "after a corrupt snapshot")
            let second = try await Self.cacheHeader(harness, "after a corrupt snapshot")
            #expect(first == "miss")
            #expect(second == "hit-exact")
            #expect(FileManager.default.fileExists(atPath: path), "the unreadable file is never deleted silently")
            let warnings = harness.logs.all.filter { $0.contains(path) && $0.lowercased().contains("snapshot") }
            #expect(warnings.count == 1, "\(harness.logs.all)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(kept.contains { $0.hasPrefix("cache.sqlite.unreadable-") }, "a later write moved it aside, not over it: \(kept)")
    }
}
