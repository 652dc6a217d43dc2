import Foundation
import Testing

@testable import Simulator

@Suite("Gemini wire format over loopback")
struct GeminiLoopbackTests {
    private func body(_ message: String, maxTokens: Int? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "systemInstruction": ["parts": [["text": "be brief"]]],
            "contents": [["role": "user", "parts": [["text": message]]]],
        ]
        if let maxTokens { body["generationConfig"] = ["maxOutputTokens": maxTokens] }
        return body
    }

    @Test func generateContent() async throws {
        try await withSim(try zeroProfile()) { server in
            let response = try await send(server, "/v1beta/models/gemini-sim:generateContent?key=k", json: body("Hola"))
            #expect(response.status == 200)
            #expect(response.headers.first(name: "x-sim-request-id") != nil)
            let json = try response.json()
            let candidate = try #require((json["candidates"] as? [[String: Any]])?.first)
            let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]]
            #expect(parts?.first?["text"] as? String == "echo: Hola")
            #expect(candidate["finishReason"] as? String == "STOP")
            let usage = try #require(json["usageMetadata"] as? [String: Int])
            #expect(usage["candidatesTokenCount"] == 3)
            #expect(json["modelVersion"] as? String == "gemini-sim")
            let record = try #require(server.stats().recent.last)
            #expect(record.hadCredentials && record.model == "gemini-sim" && record.path == "/v1beta/models/gemini-sim:generateContent")
        }
    }

    @Test func streamGenerateContentEndsWithUsageAndNoDone() async throws {
        try await withSim(try zeroProfile()) { server in
            let response = try await sendStreaming(
                server, "/v1beta/models/gemini-sim:streamGenerateContent?alt=sse", json: body("many words to stream out here"),
                headers: [("x-goog-api-key", "k")])
            #expect(response.error == nil)
            #expect(response.body.contains("\r\n\r\n"))
            let events = try parseSSE(response.body).map { try $0.json() }
            #expect(events.count > 1)
            let candidates = events.compactMap { ($0["candidates"] as? [[String: Any]])?.first }
            let text = candidates.compactMap {
                (($0["content"] as? [String: Any])?["parts"] as? [[String: Any]])?.first?["text"] as? String
            }.joined()
            #expect(text == "echo: many words to stream out here")
            #expect(candidates.last?["finishReason"] as? String == "STOP")
            #expect(candidates.dropLast().allSatisfy { $0["finishReason"] == nil })
            #expect(events.last?["usageMetadata"] != nil)
            #expect(!response.body.contains("[DONE]"))
        }
    }

    @Test func maxOutputTokensAndGeminiErrors() async throws {
        try await withSim(try zeroProfile()) { server in
            let short = try await send(server, "/v1beta/models/g:generateContent", json: body("a b c d", maxTokens: 2))
            let candidate = (try short.json()["candidates"] as? [[String: Any]])?.first
            #expect(candidate?["finishReason"] as? String == "MAX_TOKENS")

            let limited = try await send(server, "/v1beta/models/g:generateContent", json: body("x"), headers: [("x-sim-fault", "429")])
            #expect(limited.status == 429)
            #expect((try limited.json()["error"] as? [String: Any])?["status"] as? String == "RESOURCE_EXHAUSTED")
            let unavailable = try await send(server, "/v1beta/models/g:generateContent", json: body("x"), headers: [("x-sim-fault", "529")])
            #expect(unavailable.status == 503)
            #expect((try unavailable.json()["error"] as? [String: Any])?["status"] as? String == "UNAVAILABLE")

            let missing = try await send(server, "/v1beta/models/g:countTokens", json: body("x"))
            #expect(missing.status == 404)
            #expect((try missing.json()["error"] as? [String: Any])?["status"] as? String == "NOT_FOUND")
        }
    }
}
