import GatewayTesting
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@Suite("Deadlines, first-token failover and client disconnect", .timeLimit(.minutes(2)))
struct DeadlineTests {
    @Test func requestDeadlineEndsTheCallAndCancelsUpstream() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            // 2 s, not 200 ms: the call must reach the simulator before the deadline, however
            // busy the machine, or there is no upstream call to see cancelled.
            let reply = try await harness.chat(
                GatewayHarness.body(model: "openai-model"),
                headers: [("x-gateway-timeout-ms", "2000"), ("x-sim-fault", "stall")])
            #expect(reply.status == 504, "\(reply.body)")
            let error = try jsonObject(reply.body)["error"] as? [String: Any]
            #expect(error?["code"] as? String == "deadline_exceeded")
            try await eventually("the simulator saw the upstream call cancelled") {
                harness.sim.stats().cancelledByClient >= 1
            }
        }
    }

    @Test func firstTokenDeadlineFailsOverToTheNextProvider() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            for stream in [false, true] {
                let reply = try await harness.chat(GatewayHarness.body(model: "stall-then-openai", message: "m", stream: stream))
                #expect(reply.status == 200, "\(reply.body)")
                #expect(reply.headers.first(name: "x-gateway-provider") == "oa")
                #expect(reply.headers.first(name: "x-gateway-model") == "gpt-sim")
                // The stalled provider was tried (with its one retry) before the fallback.
                #expect(Int(reply.headers.first(name: "x-gateway-attempts") ?? "") ?? 0 >= 2)
                #expect(reply.body.contains("echo: m"))
            }
            // Every stalled call that reached the simulator was cancelled, none left hanging. How
            // many reached it before their 1.5 s first-token limit depends on the machine (under
            // starvation an attempt can expire before its request is written), so count those.
            try await eventually("every stalled upstream call the simulator received was cancelled") {
                let stats = harness.sim.stats()
                let stalled = stats.byModel["stall-model"] ?? 0
                return stalled >= 1 && stats.cancelledByClient >= stalled && stats.inFlight == 0
            }
        }
    }

    @Test func clientDisconnectCancelsAPendingUpstreamCall() async throws {
        try await GatewayHarness.run(policy: { TestPolicies.basic($0) }) { harness in
            // The request deadline is far beyond the polls below, so only the disconnect can end it.
            let request = Task {
                try await harness.chat(
                    GatewayHarness.body(model: "openai-model"),
                    headers: [("x-sim-fault", "stall"), ("x-gateway-timeout-ms", "120000")])
            }
            try await eventually("the simulator holds the stalled call") { harness.sim.stats().inFlight >= 1 }
            request.cancel()
            _ = await request.result
            try await eventually(timeout: .seconds(5), "the simulator saw the client's cancellation") {
                harness.sim.stats().cancelledByClient >= 1
            }
            try await eventually(timeout: .seconds(5), "the gateway released the provider slot") {
                let health = try await harness.get("/health/providers")
                return health.body.contains(#""in_flight" : 0"#) && !health.body.contains(#""in_flight" : 1"#)
            }
        }
    }

    @Test func clientDisconnectMidStreamCancelsTheUpstreamStream() async throws {
        try await GatewayHarness.run(simProfile: SimProfiles.slowDecode, policy: { TestPolicies.basic($0) }) { harness in
            var request = HTTPClientRequest(url: harness.gatewayURL + "/v1/chat/completions")
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/json")
            request.headers.add(name: "x-sim-output-tokens", value: "2000")
            request.body = .bytes(ByteBuffer(string: GatewayHarness.body(model: "anthropic-model", stream: true)))
            // Hang up once real content has arrived.
            let received = try await harness.readThenHangUp(request, after: 400)
            #expect(received > 400)
            // 2,000 tokens at 20 ms each would stream for 40 s; the cancellation must come first.
            try await eventually(timeout: .seconds(5), "the simulator saw the stream cancelled") {
                harness.sim.stats().cancelledByClient >= 1
            }
        }
    }
}
