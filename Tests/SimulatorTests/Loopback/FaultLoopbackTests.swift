import Foundation
import Synchronization
import Testing

@testable import Simulator

@Suite("Fault injection over loopback")
struct FaultLoopbackTests {
    private let path = "/v1/chat/completions"

    @Test func rateLimitCarriesRetryAfterAndServerErrorIs500() async throws {
        let profile = try zeroProfile(extra: "defaults:\n  faults: {retry_after_s: 3}\n")
        try await withSim(profile) { server in
            let limited = try await send(server, path, json: openAIBody("x"), headers: [("x-sim-fault", "429")])
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "retry-after") == "3")
            #expect((try limited.json()["error"] as? [String: Any])?["type"] as? String == "rate_limit_error")
            let failed = try await send(server, path, json: openAIBody("x"), headers: [("x-sim-fault", "500")])
            #expect(failed.status == 500)
            let stats = server.stats()
            #expect(stats.faults == ["rate_limit": 1, "server_error": 1])
            #expect(stats.recent.map(\.outcome) == ["fault:rate_limit", "fault:server_error"])
        }
    }

    @Test func resetGivesAConnectionError() async throws {
        try await withSim(try zeroProfile()) { server in
            await #expect(throws: (any Error).self) {
                _ = try await send(server, path, json: openAIBody("x"), headers: [("x-sim-fault", "reset")])
            }
            #expect(server.stats().recent.last?.outcome == "fault:reset")
            let after = try await send(server, path, json: openAIBody("after"))
            #expect(after.status == 200)
        }
    }

    @Test func cutStreamEndsWithoutTheTerminalEvent() async throws {
        try await withSim(try zeroProfile()) { server in
            let message = "a fairly long message so that the stream has quite a few chunks in it to cut"
            let openAI = try await sendStreaming(
                server, path, json: openAIBody(message, stream: true), headers: [("x-sim-fault", "cut")])
            #expect(openAI.status == 200)
            #expect(openAI.body.contains("chat.completion.chunk"))
            #expect(!openAI.body.contains("[DONE]"))
            #expect(!openAI.body.contains("finish_reason\":\"stop"))

            let anthropicBody: [String: Any] = [
                "model": "m", "max_tokens": 100, "stream": true, "messages": [["role": "user", "content": message]],
            ]
            let anthropic = try await sendStreaming(
                server, "/v1/messages", json: anthropicBody, headers: [("x-sim-fault", "cut")])
            #expect(anthropic.body.contains("message_start"))
            #expect(!anthropic.body.contains("message_stop"))
            #expect(server.stats().faults["cut"] == 2)
        }
    }

    @Test func cutJSONAnswerFailsTheRead() async throws {
        try await withSim(try zeroProfile()) { server in
            await #expect(throws: (any Error).self) {
                _ = try await send(server, path, json: openAIBody("cut me"), headers: [("x-sim-fault", "cut")])
            }
        }
    }

    @Test func stallHoldsUntilTheClientCancels() async throws {
        try await withSim(try zeroProfile()) { server in
            let request = try await held(server, message: "hang", headers: [("x-sim-fault", "stall")])
            request.cancel()
            #expect(await eventually { server.stats().cancelledByClient == 1 })
            let stats = server.stats()
            #expect(stats.inFlight == 0 && stats.faults["stall"] == 1)
            #expect(stats.recent.last?.outcome == "fault:stall")
            _ = await request.result
        }
    }

    @Test func slowAnswerCancelledByClientCountsAsCancelled() async throws {
        try await withSim(try zeroProfile()) { server in
            let request = try await held(server, message: "slow", headers: [("x-sim-ttft-ms", "60000")])
            request.cancel()
            #expect(await eventually { server.stats().cancelledByClient == 1 })
            #expect(server.stats().recent.last?.outcome == "cancelled")
            _ = await request.result
        }
    }

    @Test func faultTimesFailsTheFirstNThenSucceeds() async throws {
        try await withSim(try zeroProfile()) { server in
            let headers = [("x-sim-fault", "500"), ("x-sim-fault-times", "2"), ("x-sim-fault-key", "once-\(UUID())")]
            var statuses: [Int] = []
            for _ in 0..<4 {
                statuses.append(try await send(server, path, json: openAIBody("retry me"), headers: headers).status)
            }
            #expect(statuses == [500, 500, 200, 200])
            let other = [("x-sim-fault", "429"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "other")]
            #expect(try await send(server, path, json: openAIBody("retry me"), headers: other).status == 429)
        }
    }

    @Test func embeddingsHonourForcedFaultsWithoutCountingAsGenerationRequests() async throws {
        let profile = try zeroProfile(extra: "defaults:\n  faults: {retry_after_s: 3}\n")
        try await withSim(profile) { server in
            let body: [String: Any] = ["model": "text-embedding-sim", "input": ["a", "b"]]
            let once = [("x-sim-fault", "500"), ("x-sim-fault-times", "1"), ("x-sim-fault-key", "embed-\(UUID())")]
            var statuses: [Int] = []
            for _ in 0..<2 { statuses.append(try await send(server, "/v1/embeddings", json: body, headers: once).status) }
            #expect(statuses == [500, 200])
            let limited = try await send(server, "/v1/embeddings", json: body, headers: [("x-sim-fault", "429")])
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "retry-after") == "3")
            let gemini = try await send(
                server, "/v1beta/models/gemini-embedding-sim:batchEmbedContents",
                json: ["requests": [["content": ["parts": [["text": "a"]]]]]], headers: [("x-sim-fault", "overloaded")])
            #expect(gemini.status == 503, "Gemini's UNAVAILABLE")
            #expect(try await send(server, "/v1/embeddings", json: body).status == 200, "no fault without the header")
            let stats = server.stats()
            #expect(stats.faults == ["server_error": 1, "rate_limit": 1, "overloaded": 1])
            #expect(stats.requests == 0, "embeddings are not generation requests")
        }
    }

    @Test func profileFaultRatesApplyPerModel() async throws {
        let profile = try zeroProfile(extra: "models:\n  sim-broken: {faults: {overloaded: 1}}\n")
        try await withSim(profile) { server in
            var body = openAIBody("x")
            body["model"] = "sim-broken"
            let broken = try await send(server, path, json: body)
            let healthy = try await send(server, path, json: openAIBody("x"))
            #expect(broken.status == 529 && healthy.status == 200)
        }
    }

    /// Sends a request the simulator will hold and returns once the simulator holds it. A
    /// send that ends before it arrives (a connection lost on a loaded machine) is sent
    /// again, and its error shown: these tests are about what cancelling a held request
    /// counts, not about setting up connections.
    private func held(_ server: SimServer, message: String, headers: [(String, String)]) async throws -> Task<TestResponse, any Error> {
        let path = self.path
        for attempt in 1...3 {
            let ended = Mutex(false)
            let request = Task {
                defer { ended.withLock { $0 = true } }
                return try await send(server, path, json: openAIBody(message), headers: headers)
            }
            _ = await eventually { server.stats().inFlight == 1 || ended.withLock { $0 } }
            if server.stats().inFlight == 1 { return request }
            let outcome = await request.result
            print("held request \(attempt) ended before the simulator held it: \(outcome)")
        }
        Issue.record("the simulator never held the request")
        throw CancellationError()
    }
}
