import Foundation
import GatewayTesting
import Testing

/// SPEC §3.3: `POST /v1/embeddings`; the embedded default's `embed` answers offline from
/// the gateway's own embedder.
@Suite("Embeddings over loopback", .timeLimit(.minutes(2)))
struct EmbeddingsTests {
    static func policy(_ simURL: String) -> String {
        TestPolicies.basic(simURL) + "\nembeddings:\n  embed: {embedder: local}\n"
    }

    static func vectors(_ body: String) throws -> [[Double]] {
        let data = try #require(try jsonObject(body)["data"] as? [[String: Any]])
        return data.compactMap { $0["embedding"] as? [Double] }
    }

    @Test func localVectorsAreUnitLengthAndCloserForParaphrases() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let before = harness.sim.stats().requests
            let reply = try await harness.post(
                "/v1/embeddings",
                body: #"{"model":"embed","input":["What does the Pro plan cost?","How much is the Pro plan?","Do you integrate with Salesforce?"]}"#)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.headers.first(name: "x-gateway-provider") == "local-embedder")
            let vectors = try Self.vectors(reply.body)
            #expect(vectors.count == 3)
            #expect(Set(vectors.map(\.count)).count == 1 && vectors[0].count > 0)
            func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
            #expect(abs(dot(vectors[0], vectors[0]) - 1) < 1e-3, "unit length")
            #expect(dot(vectors[0], vectors[1]) > dot(vectors[0], vectors[2]), "a paraphrase is closer than another question")
            let usage = try #require(try jsonObject(reply.body)["usage"] as? [String: Any])
            #expect((usage["prompt_tokens"] as? Int ?? 0) > 0)
            #expect(harness.sim.stats().requests == before, "no provider was called")
        }
    }

    @Test func base64IsTheSameVectorAsFloats() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let floats = try Self.vectors(try await harness.post("/v1/embeddings", body: #"{"model":"embed","input":"pricing"}"#).body)[0]
            let reply = try await harness.post("/v1/embeddings", body: #"{"model":"embed","input":"pricing","encoding_format":"base64"}"#)
            let text = try #require(((try jsonObject(reply.body)["data"] as? [[String: Any]])?.first?["embedding"]) as? String)
            let data = try #require(Data(base64Encoded: text))
            let decoded: [Double] = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }.map { Double($0) }
            #expect(decoded.count == floats.count)
            #expect(zip(decoded, floats).allSatisfy { abs($0 - $1) < 1e-5 })
        }
    }

    @Test func badRequestsNameTheProblem() async throws {
        try await GatewayHarness.run(policy: Self.policy) { harness in
            let chatModel = try await harness.post("/v1/embeddings", body: #"{"model":"openai-model","input":"x"}"#)
            #expect(chatModel.status == 400)
            #expect(chatModel.body.contains("chat model") && chatModel.body.contains("embed"), "\(chatModel.body)")
            let unknown = try await harness.post("/v1/embeddings", body: #"{"model":"nope","input":"x"}"#)
            #expect(unknown.status == 404)
            let tokens = try await harness.post("/v1/embeddings", body: #"{"model":"embed","input":[[1,2,3]]}"#)
            #expect(tokens.status == 400)
            #expect(tokens.body.contains("input[0]"), "\(tokens.body)")
            let dimensions = try await harness.post("/v1/embeddings", body: #"{"model":"embed","input":"x","dimensions":3}"#)
            #expect(dimensions.status == 400)
            #expect(dimensions.body.contains("dimensions"))
            let listed = try await harness.get("/v1/models")
            #expect(listed.body.contains("\"embed\""))
        }
    }
}
