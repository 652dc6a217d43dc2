import AsyncHTTPClient
import Foundation
import GatewayTesting
import Testing

/// Issue 10: the semantic tier as users meet it over HTTP, through the real simulator
/// (SPEC §3.1: `hit-semantic`, `x-gateway-cache-score`, `gateway_cache_guard_vetoes_total`).
@Suite("Semantic cache over HTTP", .timeLimit(.minutes(3)))
struct SemanticCacheTests {
    static let environment = ["TENANT_A_KEY": "tenant-a-key-0123", "TENANT_B_KEY": "tenant-b-key-4567"]

    static func policy(_ simURL: String, tenants: Bool = false) -> String {
        let policy = TestPolicies.basic(
            simURL,
            extraModels: """
                  semantic:
                    strategy: single
                    routes: [{provider: oa, model: gpt-sim}]
                    cache: {exact: true, semantic: {threshold: 0.9}, ttl_s: 3600}
                cache:
                  memory: {max_bytes: 16777216}
                """)
        guard tenants else { return policy }
        return policy + """

            tenants:
              a: {key_env: TENANT_A_KEY, cache_namespace: ns-a}
              b: {key_env: TENANT_B_KEY, cache_namespace: ns-b}
            """
    }

    static func run(tenants: Bool = false, _ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(policy: { Self.policy($0, tenants: tenants) }, environment: Self.environment, body)
    }

    static func ask(_ harness: GatewayHarness, _ message: String, stream: Bool = false, key: String? = nil) async throws
        -> (status: Int, cache: String?, score: String?, body: String)
    {
        let headers = key.map { [("authorization", "Bearer \($0)")] } ?? []
        let reply = try await harness.chat(GatewayHarness.body(model: "semantic", message: message, stream: stream), headers: headers)
        return (reply.status, reply.headers.first(name: "x-gateway-cache"), reply.headers.first(name: "x-gateway-cache-score"), reply.body)
    }

    static func content(_ body: String) -> String? {
        (((try? jsonObject(body))?["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String
    }

    @Test func aParaphraseHitsWithItsScoreAndIsLogged() async throws {
        try await Self.run { harness in
            let first = try await Self.ask(harness, "Do you offer a discount for annual billing?")
            #expect(first.status == 200 && first.cache == "miss")
            let second = try await Self.ask(harness, "Do you give a discount for yearly billing?")
            #expect(second.cache == "hit-semantic")
            let score = try #require(second.score.flatMap(Double.init))
            #expect(score >= 0.9 && score <= 1)
            #expect(Self.content(second.body) == Self.content(first.body))
            #expect(harness.sim.stats().requests == 1, "a semantic hit never reaches the provider")
            // A retype hits on the normalised text, and a stream replays the same answer.
            let retyped = try await Self.ask(harness, "hi! do you offer a DISCOUNT for annual billing", stream: true)
            #expect(retyped.cache == "hit-semantic")
            #expect(retyped.score == "1.0000")
            #expect(retyped.body.contains("data: [DONE]"))
            #expect(harness.sim.stats().requests == 1)
            let hitLines = harness.logs.all.filter { $0.contains("semantic hit") }
            #expect(hitLines.count == 2)
            #expect(hitLines.first?.contains("Do you give a discount for yearly billing?") == true)
            #expect(hitLines.first?.contains("Do you offer a discount for annual billing?") == true)
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_lookups_total{alias="semantic",tier="semantic",outcome="hit"} 2"#))
        }
    }

    @Test func nearMissesAreVetoedCountedAndAnsweredUpstream() async throws {
        try await Self.run { harness in
            _ = try await Self.ask(harness, "What's the price for 50 seats?")
            _ = try await Self.ask(harness, "Which plans include SSO?")
            #expect(harness.sim.stats().requests == 2)
            let number = try await Self.ask(harness, "What's the price for 500 seats?")
            #expect(number.cache == "miss" && number.score == nil)
            let negated = try await Self.ask(harness, "Which plans don't include SSO?")
            #expect(negated.cache == "miss")
            #expect(harness.sim.stats().requests == 4, "both near-misses went upstream")
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_guard_vetoes_total{reason="number"} 1"#))
            #expect(metrics.contains(#"gateway_cache_guard_vetoes_total{reason="negation"} 1"#))
            // The near-miss answers were stored under their own questions and hit exactly.
            let again = try await Self.ask(harness, "What's the price for 500 seats?")
            #expect(again.cache == "hit-exact")
        }
    }

    @Test func tenantsNeverShareSemanticEntries() async throws {
        try await Self.run(tenants: true) { harness in
            let a = Self.environment["TENANT_A_KEY"]!, b = Self.environment["TENANT_B_KEY"]!
            let first = try await Self.ask(harness, "Do you offer a discount for annual billing?", key: a)
            #expect(first.status == 200 && first.cache == "miss")
            let otherTenant = try await Self.ask(harness, "Do you give a discount for yearly billing?", key: b)
            #expect(otherTenant.cache == "miss", "tenant b never sees tenant a's entry")
            let ownParaphrase = try await Self.ask(harness, "hi, do you offer a discount for annual billing", key: b)
            #expect(ownParaphrase.cache == "hit-semantic")
            let back = try await Self.ask(harness, "Do you give a discount for yearly billing?", key: a)
            #expect(back.cache == "hit-semantic")
            #expect(harness.sim.stats().requests == 2)
        }
    }

    @Test func anotherSystemPromptIsAnotherBucket() async throws {
        try await Self.run { harness in
            _ = try await Self.ask(harness, "Do you offer a discount for annual billing?")
            let body = #"{"model":"semantic","messages":[{"role":"system","content":"Answer in French."},{"role":"user","content":"Do you give a discount for yearly billing?"}]}"#
            let reply = try await harness.chat(body)
            #expect(reply.headers.first(name: "x-gateway-cache") == "miss")
        }
    }
}

/// Issue 10: semantic entries shared by two gateways through one real Redis.
@Suite("Semantic cache shared through Redis", .timeLimit(.minutes(3)))
struct SharedSemanticCacheTests {
    static func run(redis: RedisServer, _ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(
            policy: { SemanticCacheTests.policy($0) + "\n  redis: {url_env: REDIS_URL, timeout_ms: 250}\n" },
            environment: ["REDIS_URL": redis.url], body)
    }

    @Test func aParaphraseCachedThroughOneGatewayHitsOnAnother() async throws {
        let redis = try RedisServer()
        try await Self.run(redis: redis) { first in
            try await Self.run(redis: redis) { second in
                let stored = try await SemanticCacheTests.ask(first, "Do you offer a discount for annual billing?")
                #expect(stored.cache == "miss")
                try await eventually("the second gateway hits the first one's entry semantically") {
                    try await SemanticCacheTests.ask(second, "Do you give a discount for yearly billing?").cache == "hit-semantic"
                }
                #expect(second.sim.stats().requests == 0, "the second gateway never called its provider")
            }
        }
    }

    @Test func redisDownLeavesTheInProcessTierWorking() async throws {
        let redis = try RedisServer()
        try await Self.run(redis: redis) { gateway in
            redis.kill()
            let stored = try await SemanticCacheTests.ask(gateway, "Do you offer a discount for annual billing?")
            #expect(stored.status == 200)
            let paraphrase = try await SemanticCacheTests.ask(gateway, "Do you give a discount for yearly billing?")
            #expect(paraphrase.status == 200)
            #expect(paraphrase.cache == "hit-semantic")
        }
    }
}
