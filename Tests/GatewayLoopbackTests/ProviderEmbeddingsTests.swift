import Foundation
import GatewayTesting
import Testing

/// `embeddings:` entries routed to a provider's embeddings API (OpenAI wire and Gemini
/// `:batchEmbedContents`) on the simulator: vectors in input order, usage passed through,
/// the provider's errors mapped as chat's are.
@Suite("Embeddings routed to providers", .timeLimit(.minutes(2)))
struct ProviderEmbeddingsTests {
    static func policy(_ simURL: String) -> String {
        TestPolicies.basic(simURL) + """

            embeddings:
              embed: {embedder: local}
              oa-embed: {provider: oa, model: text-embedding-sim}
              ge-embed: {provider: ge, model: gemini-embedding-sim}
            """
    }

    @Test(arguments: ["oa-embed", "ge-embed"])
    func vectorsComeFromTheProviderInInputOrder(model: String) async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let body = #"{"model":"\#(model)","input":["pro plan price","salesforce integration"],"dimensions":8}"#
            let reply = try await harness.post("/v1/embeddings", body: body)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == (model == "oa-embed" ? "oa" : "ge"))
            let record = try jsonObject(harness.sim.lastRequestJSON())
            let uri = record["uri"] as? String ?? ""
            let sent = try jsonObject(try #require(record["body"] as? String))
            if model == "oa-embed" {
                #expect(uri == "/v1/embeddings")
                #expect(sent["model"] as? String == "text-embedding-sim")
                #expect(sent["input"] as? [String] == ["pro plan price", "salesforce integration"])
                #expect(sent["dimensions"] as? Int == 8)
            } else {
                #expect(uri == "/v1beta/models/gemini-embedding-sim:batchEmbedContents")
                #expect((sent["requests"] as? [[String: Any]])?.count == 2)
            }
            let json = try jsonObject(reply.body)
            #expect(json["model"] as? String == model)
            let data = try #require(json["data"] as? [[String: Any]])
            #expect(data.map { $0["index"] as? Int } == [0, 1])
            let vectors = data.compactMap { $0["embedding"] as? [Double] }
            #expect(vectors.count == 2 && vectors.allSatisfy { $0.count == 8 })
            #expect(vectors[0] != vectors[1])
            // Deterministic: the same text is the same vector on a second call.
            let again = try await harness.post("/v1/embeddings", body: #"{"model":"\#(model)","input":"pro plan price","dimensions":8}"#)
            let first = try #require(((try jsonObject(again.body)["data"] as? [[String: Any]])?.first?["embedding"]) as? [Double])
            #expect(first == vectors[0])
            let usage = try #require(json["usage"] as? [String: Any])
            // The simulator counts ceil(bytes / 4) per input: 14 and 22 bytes → 4 + 6.
            #expect(usage["prompt_tokens"] as? Int == 10)
        }
    }

    @Test func aProviderErrorIsMappedAsChatErrorsAre() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            // The gateway allows 4096 dimensions; the simulated provider, like OpenAI, 3072.
            let refused = try await harness.post("/v1/embeddings", body: #"{"model":"oa-embed","input":"x","dimensions":4000}"#)
            #expect(refused.status == 400, "\(refused.body)")
            let error = try #require(try jsonObject(refused.body)["error"] as? [String: Any])
            #expect(error["type"] as? String == "invalid_request_error")
            let message = error["message"] as? String ?? ""
            #expect(message.contains("oa/text-embedding-sim") && message.contains("dimensions"), "\(message)")
        }
    }

    @Test func anUnreachableProviderIsAnUpstreamError() async throws {
        let dead = """
              dead:
                kind: openai
                base_url: http://127.0.0.1:1
            """
        try await GatewayHarness.run(policy: { TestPolicies.basic($0, extraProvider: dead) + "\nembeddings:\n  dead-embed: {provider: dead, model: e}\n" }) { harness in
            let reply = try await harness.post("/v1/embeddings", body: #"{"model":"dead-embed","input":"x"}"#)
            #expect(reply.status >= 500, "\(reply.body)")
            #expect((try jsonObject(reply.body)["error"] as? [String: Any])?["type"] as? String == "upstream_error")
        }
    }
}
