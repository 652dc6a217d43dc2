import GatewayTesting
import Foundation
import Testing

@Suite("Bad input gets a 4xx JSON error naming the problem", .timeLimit(.minutes(2)))
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var body: String
        var contentType = "application/json"
        var headers: [(String, String)] = []
        var status: Int
        var code: String
        var param: String?
        var messageContains: String?
        var description: String { name }
    }

    static let cases: [Case] = [
        // Issue 8, finding 1: these 513-byte bodies trapped Foundation's decoder and killed the process.
        Case(name: "513 open brackets", body: String(repeating: "[", count: 513), status: 400, code: "invalid_request", messageContains: "deeper than 64 levels"),
        Case(name: "messages nested 512 deep", body: #"{"messages":"# + String(repeating: "[", count: 512), status: 400, code: "invalid_request", messageContains: "deeper than 64 levels"),
        Case(name: "a tool schema nested 65 deep", body: #"{"model":"openai-model","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":"# + String(repeating: #"{"a":"#, count: 62) + "1" + String(repeating: "}", count: 62) + "}}]}", status: 400, code: "invalid_request", messageContains: "deeper than 64 levels"),
        Case(name: "malformed JSON", body: #"{"model": "openai-model", "messages": ["#, status: 400, code: "invalid_request"),
        Case(name: "unknown model", body: GatewayHarness.body(model: "no-such-model"), status: 404, code: "model_not_found", param: "model"),
        Case(name: "missing messages", body: #"{"model":"openai-model"}"#, status: 400, code: "invalid_request", param: "messages"),
        Case(name: "bad role", body: #"{"model":"openai-model","messages":[{"role":"wizard","content":"x"}]}"#, status: 400, code: "invalid_request", param: "messages[0].role"),
        Case(name: "body over the limit", body: GatewayHarness.body(model: "openai-model", message: String(repeating: "x", count: 5000)), status: 413, code: "payload_too_large"),
        Case(name: "wrong content type", body: GatewayHarness.body(model: "openai-model"), contentType: "text/plain", status: 415, code: "unsupported_media_type"),
        Case(name: "bad deadline header", body: GatewayHarness.body(model: "openai-model"), headers: [("x-gateway-timeout-ms", "soon")], status: 400, code: "invalid_request", param: "x-gateway-timeout-ms"),
    ]

    @Test(arguments: cases)
    func rejected(_ item: Case) async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let before = harness.sim.stats().requests
            let reply = try await harness.chat(item.body, headers: item.headers, contentType: item.contentType)
            #expect(reply.status == item.status, "\(reply.body)")
            #expect(reply.headers.first(name: "content-type") == "application/json")
            let error = try jsonObject(reply.body)["error"] as? [String: Any]
            #expect(error?["code"] as? String == item.code)
            #expect((error?["message"] as? String ?? "").isEmpty == false)
            if let param = item.param { #expect(error?["param"] as? String == param) }
            if let fragment = item.messageContains {
                let message = error?["message"] as? String ?? ""
                #expect(message.contains(fragment), "\(reply.body)")
            }
            #expect(harness.sim.stats().requests == before, "a rejected request never reaches a provider")
            // The gateway keeps serving after bad input.
            let ok = try await harness.chat(GatewayHarness.body(model: "openai-model"))
            #expect(ok.status == 200)
        }
    }

    @Test func unknownPathIsAJSON404() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            let reply = try await harness.post("/v1/nothing-here", body: "{}")
            #expect(reply.status == 404)
            let error = try jsonObject(reply.body)["error"] as? [String: Any]
            #expect(error?["code"] as? String == "not_found")
        }
    }
}
