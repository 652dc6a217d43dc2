import Foundation
import GatewayTesting
import Testing

/// Provider embeddings under chat's resilience, on the simulator's injected faults: a
/// failure retried on the same route (backoff, `Retry-After`), the entry's next route after
/// the first is out of attempts, an open breaker skipped for the next route or answered
/// with a 503 JSON error without calling the provider.
@Suite("Embeddings: retries, fallback and breakers", .timeLimit(.minutes(2)))
struct ProviderEmbeddingsResilienceTests {
    static func policy(_ simURL: String) -> String {
        TestPolicies.basic(
            simURL,
            extraProvider: """
                  fragile:
                    kind: openai
                    base_url: \(simURL)
                    forward_headers: \(GatewayHarness.simHeaders)
                    retry: {max_attempts: 1}
                    breaker: {window_ms: 60000, min_requests: 2, failure_rate: 0.5, open_ms: 60000, half_open_probes: 1, successes_to_close: 1}
                """
        ) + """

            embeddings:
              oa-embed: {provider: oa, model: text-embedding-sim}
              ge-embed: {provider: ge, model: gemini-embedding-sim}
              oa-then-ge: {routes: [{provider: oa, model: text-embedding-sim}, {provider: ge, model: gemini-embedding-sim}]}
              fragile-embed: {provider: fragile, model: text-embedding-sim}
              fragile-then-oa: {routes: [{provider: fragile, model: text-embedding-sim}, {provider: oa, model: text-embedding-sim}]}
            """
    }

    static func embed(
        _ harness: GatewayHarness, _ model: String, input: String = "salesforce integration", headers: [(String, String)] = []
    ) async throws -> (status: Int, headers: [String: String], json: [String: Any]) {
        let body = #"{"model":"\#(model)","input":["pro plan price","\#(input)"],"dimensions":8}"#
        let reply = try await harness.post("/v1/embeddings", body: body, headers: headers)
        var fields: [String: String] = [:]
        for name in ["x-gateway-provider", "x-gateway-model", "x-gateway-attempts", "x-gateway-overhead-ms", "content-type"] {
            fields[name] = reply.headers.first(name: name)
        }
        return (reply.status, fields, try jsonObject(reply.body))
    }

    static func vectors(_ json: [String: Any]) -> [[Double]] {
        (json["data"] as? [[String: Any]] ?? []).compactMap { $0["embedding"] as? [Double] }
    }

    /// `overloaded` is Gemini's 503 UNAVAILABLE; `500` OpenAI's server error.
    @Test(arguments: [("oa-embed", "500"), ("ge-embed", "overloaded")])
    func aFailureOnceIsRetriedOnTheSameRouteAndAnswers(model: String, fault: String) async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let reply = try await Self.embed(
                harness, model, headers: [("x-sim-fault", fault), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "embed-once-\(model)")])
            #expect(reply.status == 200, "\(reply.json)")
            #expect(reply.headers["x-gateway-attempts"] == "2", "the failed call and its retry")
            #expect(reply.headers["x-gateway-provider"] == (model == "oa-embed" ? "oa" : "ge"))
            #expect(Self.vectors(reply.json).count == 2)
            let metrics = try await harness.get("/metrics").body
            let provider = model == "oa-embed" ? "oa" : "ge"
            let upstreamModel = model == "oa-embed" ? "text-embedding-sim" : "gemini-embedding-sim"
            let counted = metrics.split(separator: "\n").contains {
                $0.hasPrefix("llm_gateway_retries_total{") && $0.contains(#"provider="\#(provider)""#)
                    && $0.contains(#"model="\#(upstreamModel)""#) && $0.hasSuffix(" 1")
            }
            #expect(counted, "the retry is counted as chat's are")
        }
    }

    @Test func aRateLimitWaitsForItsRetryAfter() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let reply = try await Self.embed(
                harness, "oa-embed", headers: [("x-sim-fault", "429"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "embed-429")])
            #expect(reply.status == 200, "\(reply.json)")
            #expect(reply.headers["x-gateway-attempts"] == "2")
            // The simulator advertises `retry-after: 1`; the retry waited at least that long.
            let overhead = try #require(Double(reply.headers["x-gateway-overhead-ms"] ?? ""))
            #expect(overhead >= 1000, "waited \(overhead) ms")
        }
    }

    @Test func aRouteOutOfAttemptsFallsBackToTheNextRoute() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            // oa's two attempts fail; the third call, on ge, answers.
            let reply = try await Self.embed(
                harness, "oa-then-ge", headers: [("x-sim-fault", "500"), ("x-sim-fault-times", "2"), ("x-sim-fault-key", "embed-fallback")])
            #expect(reply.status == 200, "\(reply.json)")
            #expect(reply.headers["x-gateway-provider"] == "ge")
            #expect(reply.headers["x-gateway-model"] == "gemini-embedding-sim")
            #expect(reply.headers["x-gateway-attempts"] == "3")
            #expect(reply.json["model"] as? String == "oa-then-ge")
            #expect(Self.vectors(reply.json).count == 2)
            let uri = try jsonObject(harness.sim.lastRequestJSON())["uri"] as? String
            #expect(uri == "/v1beta/models/gemini-embedding-sim:batchEmbedContents")
        }
    }

    @Test func everyRouteFailingIsAnUpstreamErrorNamingEachProvider() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let reply = try await Self.embed(harness, "oa-then-ge", headers: [("x-sim-fault", "500")])
            #expect(reply.status == 502, "\(reply.json)")
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect(error["type"] as? String == "upstream_error")
            let message = error["message"] as? String ?? ""
            #expect(message.contains("oa/text-embedding-sim") && message.contains("ge/gemini-embedding-sim"), "\(message)")
            #expect(reply.headers["x-gateway-attempts"] == "4", "two attempts on each route")
        }
    }

    /// open_ms is a minute, so the breaker is surely still open for the calls after it opened.
    @Test func anOpenBreakerSendsTheNextRouteOrA503WithoutCallingTheProvider() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            for _ in 0..<2 {
                let failed = try await Self.embed(harness, "fragile-embed", headers: [("x-sim-fault", "500")])
                #expect(failed.status == 502, "\(failed.json)")
            }
            let before = harness.sim.lastRequestJSON()
            let rejected = try await Self.embed(harness, "fragile-embed", input: "a new input the provider never saw")
            #expect(rejected.status == 503, "\(rejected.json)")
            #expect(rejected.headers["content-type"]?.hasPrefix("application/json") == true)
            let error = try #require(rejected.json["error"] as? [String: Any])
            #expect((error["message"] as? String ?? "").contains("circuit breaker open"), "\(error)")
            #expect(rejected.headers["x-gateway-attempts"] == "1", "the attempt the breaker refused")
            #expect(harness.sim.lastRequestJSON() == before, "an open breaker sends nothing upstream")

            let fellBack = try await Self.embed(harness, "fragile-then-oa")
            #expect(fellBack.status == 200, "\(fellBack.json)")
            #expect(fellBack.headers["x-gateway-provider"] == "oa")
            #expect(Self.vectors(fellBack.json).count == 2)
        }
    }
}
