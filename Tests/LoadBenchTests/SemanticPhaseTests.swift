import BenchKit
import Foundation
import LoadBench
import Testing

/// The cache bench's semantic rows: which bucket each request lands in, that a hit row asks
/// paraphrases of stored questions in their own bucket, and the semantic gateways' policy.
@Suite("Cache bench semantic phases")
struct SemanticPhaseTests {
    @Test("fill questions are distinct and spread over the buckets by a system message; one bucket has none")
    func fillBuckets() {
        let spread = CacheScenario.semanticFill(CacheScenario.semanticLayouts[1])
        let single = CacheScenario.semanticFill(CacheScenario.semanticLayouts[0])
        #expect(Set((0..<5_000).map(spread.message)).count == 5_000)
        #expect(spread.system(1_234) == "You are the support assistant of workspace 234.")
        #expect(Set((0..<5_000).compactMap(spread.system)).count == CacheScenario.spreadBuckets)
        #expect(single.system(1_234) == nil)
    }

    @Test("a hit row's paraphrase is of a stored question, asked in that question's bucket")
    func paraphraseInItsBucket() {
        let layout = CacheScenario.semanticLayouts[1]
        let fill = CacheScenario.semanticFill(layout)
        let hit = CacheScenario.semanticHit(layout, entries: 10_000)
        #expect(hit.name == "hit-semantic@10k/1000-buckets")
        for index in [0, 1, 77, 9_999, 123_456] {
            let message = hit.message(index)
            let stored = (0..<10_000).first { BenchSentences.paraphrase($0) == message }
            #expect(stored != nil, "request \(index) asks no paraphrase of a stored question")
            if let stored { #expect(hit.system(index) == fill.system(stored)) }
            #expect(message != BenchSentences.question(stored ?? 0))
        }
    }

    @Test("the semantic gateways' alias turns the semantic tier on at the default threshold; a system message is sent first")
    func policyAndBody() throws {
        let policy = CacheScenario.gatewayPolicy(simURL: "http://127.0.0.1:1", store: .semanticMemory)
        #expect(policy.contains("semantic: {threshold: 0.92}"))
        #expect(!CacheScenario.gatewayPolicy(simURL: "http://127.0.0.1:1", store: .memoryOnly).contains("semantic"))
        let body = BenchRequest(mode: .json, message: "hi \"there\"", system: "sys").body(model: "bench")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let messages = try #require(json["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "sys"], ["role": "user", "content": "hi \"there\""]])
    }
}
