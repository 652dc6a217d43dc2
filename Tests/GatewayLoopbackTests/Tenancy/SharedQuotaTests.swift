import Foundation
import GatewayTesting
import Testing

/// Issue 14: with Redis, one quota holds across every gateway sharing it; without it (or
/// while it is down) each gateway enforces it alone, with no errors.
@Suite("Tenant quotas shared through Redis", .timeLimit(.minutes(3)))
struct SharedQuotaTests {
    static func run(redis: RedisServer, _ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(
            simProfile: SimProfiles.zero,
            policy: { TenantTests.policy($0, stores: "  redis: {url_env: REDIS_URL, timeout_ms: 1000}", eu: "requests_per_minute: 20") },
            environment: TenantTests.environment.merging(["REDIS_URL": redis.url]) { $1 }, body)
    }

    static func admitted(_ harness: GatewayHarness, _ count: Int, tag: String) async throws -> Int {
        var admitted = 0
        for index in 0..<count {
            let reply = try await harness.chat(
                GatewayHarness.body(model: "openai-model", message: "\(tag) \(index)"), headers: TenantTests.bearer("eu-key-0123456789"))
            if reply.status == 200 { admitted += 1 } else { #expect(reply.status == 429, "\(reply.body)") }
        }
        return admitted
    }

    @Test func twoGatewaysAdmitOneQuotaBetweenThem() async throws {
        let redis = try RedisServer()
        try await Self.run(redis: redis) { first in
            try await Self.run(redis: redis) { second in
                var total = 0
                for round in 0..<4 {
                    total += try await Self.admitted(first, 5, tag: "a\(round)")
                    total += try await Self.admitted(second, 5, tag: "b\(round)")
                }
                // Each gateway alone would admit all 20 of its own: 40 together.
                #expect((19...21).contains(total), "admitted \(total) of 40 against a quota of 20")
            }
        }
    }

    @Test func withRedisDownEachGatewayEnforcesTheQuotaAloneAndSaysDegraded() async throws {
        let redis = try RedisServer()
        try await Self.run(redis: redis) { harness in
            redis.kill()
            var admitted = 0
            for index in 0..<25 {
                let reply = try await harness.chat(
                    GatewayHarness.body(model: "openai-model", message: "down \(index)"), headers: TenantTests.bearer("eu-key-0123456789"))
                #expect(reply.status == 200 || reply.status == 429, "no other error while Redis is down: \(reply.status)")
                if reply.status == 200 { admitted += 1 }
            }
            #expect(admitted == 20, "the local quota still holds")
            try await eventually("readiness says degraded and stays 200") {
                let reply = try await harness.get("/health/ready")
                let redisState = try jsonObject(reply.body)["redis"] as? String
                return reply.status == 200 && redisState == "degraded"
            }
        }
    }
}
