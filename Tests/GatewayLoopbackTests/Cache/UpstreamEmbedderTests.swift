import Foundation
import GatewayTesting
import Testing

/// `cache.embedder: {kind: upstream}` over HTTP through the real simulator: concurrent
/// requests' last messages go out in ONE `/v1/embeddings` call, a retype that normalises to
/// the same text hits semantically on the upstream vectors, a route that is down falls back
/// to the entry's next route, and an embeddings provider that is down costs only the cache
/// (the chat request still answers).
@Suite("Upstream embedder over HTTP", .timeLimit(.minutes(3)))
struct UpstreamEmbedderTests {
    /// `max_inputs: 2` with a long window: every concurrent pair is sent when the second
    /// message arrives (by size), so no verdict depends on how fast this machine is.
    static func policy(
        _ simURL: String, embeddingsProvider: String = "oa", maxInputs: Int = 2, downPort: Int = 1, entry: String? = nil
    ) -> String {
        TestPolicies.basic(
            simURL,
            extraProvider: """
                  down:
                    kind: openai
                    base_url: http://127.0.0.1:\(downPort)
                """,
            extraModels: """
                  semantic:
                    strategy: single
                    routes: [{provider: oa, model: gpt-sim}]
                    cache: {exact: true, semantic: {threshold: 0.9}, ttl_s: 3600}
                cache:
                  memory: {max_bytes: 16777216}
                  embedder:
                    kind: upstream
                    model: upstream-embed
                    dimension: 16
                    timeout_ms: 10000
                    batch: {max_inputs: \(maxInputs), max_wait_ms: 60000}
                embeddings:
                  upstream-embed: \(entry ?? "{provider: \(embeddingsProvider), model: text-embedding-sim}")
                """)
    }

    static func ask(_ harness: GatewayHarness, _ message: String) async throws -> (status: Int, cache: String?, score: String?) {
        let reply = try await harness.chat(GatewayHarness.body(model: "semantic", message: message))
        return (reply.status, reply.headers.first(name: "x-gateway-cache"), reply.headers.first(name: "x-gateway-cache-score"))
    }

    static func askPair(_ harness: GatewayHarness, _ first: String, _ second: String) async throws
        -> [(status: Int, cache: String?, score: String?)]
    {
        async let a = ask(harness, first)
        async let b = ask(harness, second)
        return try await [a, b]
    }

    @Test func concurrentMessagesShareOneUpstreamCallAndARetypeHitsSemantically() async throws {
        try await GatewayHarness.run(policy: { Self.policy($0) }) { harness in
            let first = try await Self.askPair(harness, "Do you offer a discount for annual billing?", "Which plans include SSO?")
            #expect(first.map { $0.status } == [200, 200])
            #expect(first.map { $0.cache } == ["miss", "miss"])
            #expect(harness.sim.stats().requests == 2)
            // Retyped: the exact tier misses, the normalised text is the same, so the upstream
            // vector is too. Both hit without a chat call; the last call the simulator saw is
            // the pair's ONE embeddings call.
            let retyped = try await Self.askPair(harness, "hi! do you offer a DISCOUNT for annual billing", "hi! which plans include SSO")
            #expect(retyped.map { $0.cache } == ["hit-semantic", "hit-semantic"])
            #expect(retyped.map { $0.score } == ["1.0000", "1.0000"])
            #expect(harness.sim.stats().requests == 2, "a semantic hit never reaches the chat provider")
            let record = try jsonObject(harness.sim.lastRequestJSON())
            #expect(record["uri"] as? String == "/v1/embeddings")
            let sent = try jsonObject(try #require(record["body"] as? String))
            #expect(sent["model"] as? String == "text-embedding-sim")
            let inputs = try #require(sent["input"] as? [String])
            #expect(inputs.count == 2 && Set(inputs).count == 2, "\(inputs)")
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_embed_calls_total{outcome="ok"} 2"#), "two pairs, two calls")
            #expect(metrics.contains("gateway_cache_embed_inputs_total 4"))
        }
    }

    @Test func anEmbeddingsProviderThatIsDownCostsOnlyTheCache() async throws {
        // A port that was free a moment ago: nothing listens there, so connecting fails.
        let downPort = try freeLoopbackPort()
        try await GatewayHarness.run(policy: { Self.policy($0, embeddingsProvider: "down", maxInputs: 1, downPort: downPort) }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "semantic", message: "Do you offer a discount for annual billing?"))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-cache") == "miss")
            #expect(harness.sim.stats().requests == 1)
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_lookups_total{alias="semantic",tier="semantic",outcome="embed_failed"} 1"#))
            #expect(metrics.contains(#"gateway_cache_embed_calls_total{outcome="failed"} 1"#))
            let failures = harness.logs.all.filter { $0.contains("upstream embedding failed") }
            #expect(failures.count == 1)
        }
    }

    @Test func aBatchWhoseFirstRouteIsDownFallsBackToTheNextRoute() async throws {
        let downPort = try freeLoopbackPort()
        let entry = "{routes: [{provider: down, model: text-embedding-sim}, {provider: oa, model: text-embedding-sim}]}"
        try await GatewayHarness.run(policy: { Self.policy($0, maxInputs: 1, downPort: downPort, entry: entry) }) { harness in
            let first = try await Self.ask(harness, "Do you offer a discount for annual billing?")
            #expect(first.status == 200 && first.cache == "miss")
            let retyped = try await Self.ask(harness, "hi! do you offer a DISCOUNT for annual billing")
            #expect(retyped.cache == "hit-semantic", "the vectors came from the second route")
            #expect(try jsonObject(harness.sim.lastRequestJSON())["uri"] as? String == "/v1/embeddings")
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_embed_calls_total{outcome="ok"} 2"#), "\(metrics)")
            #expect(!metrics.contains(#"gateway_cache_embed_calls_total{outcome="failed"}"#))
            #expect(!harness.logs.all.contains { $0.contains("upstream embedding failed") })
        }
    }

    @Test func aWrongDimensionIsAMissNotAFailure() async throws {
        // The simulator answers 16 dimensions; the policy claims 8.
        try await GatewayHarness.run(policy: { Self.policy($0, maxInputs: 1).replacingOccurrences(of: "dimension: 16", with: "dimension: 8") }) { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "semantic", message: "Which plans include SSO?"))
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-cache") == "miss")
            #expect(harness.logs.all.contains { $0.contains("upstream embedding failed") && $0.contains("16 dimensions") })
        }
    }

    /// Eight concurrent clients with different questions: batching on (`max_inputs: 8`) sends
    /// their messages in one call, off (`max_inputs: 1`) in eight. Counted from the gateway's
    /// metrics; the batch fills by size, so the count does not depend on machine speed.
    @Test(arguments: [(maxInputs: 8, calls: 1), (maxInputs: 1, calls: 8)])
    func batchingTurnsEightCallsIntoOne(setting: (maxInputs: Int, calls: Int)) async throws {
        try await GatewayHarness.run(policy: { Self.policy($0, maxInputs: setting.maxInputs) }) { harness in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for client in 0..<8 {
                    group.addTask { try await Self.ask(harness, "What does seat pack \(client) cost per month?").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 8))
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_embed_calls_total{outcome="ok"} \#(setting.calls)"#), "\(metrics)")
            #expect(metrics.contains("gateway_cache_embed_inputs_total 8"))
        }
    }
}
