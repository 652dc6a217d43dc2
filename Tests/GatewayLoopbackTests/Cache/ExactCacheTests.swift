import AsyncHTTPClient
import Foundation
import GatewayProviders
import GatewayTesting
import NIOCore
import Testing

@testable import GatewayServer

/// Issue 9: the exact tier as users meet it over HTTP (SPEC §3.1 headers, rules, endpoint).
@Suite("Exact cache over HTTP", .timeLimit(.minutes(2)))
struct ExactCacheTests {
    static func run(_ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(policy: { CachePolicies.policy($0) }, body)
    }

    @Test func aMissIsStoredAndTheSameRequestHits() async throws {
        try await Self.run { harness in
            let first = try await harness.chat(GatewayHarness.body(model: "cached", message: "What does SSO cost?"))
            #expect(first.status == 200)
            #expect(first.headers.first(name: "x-gateway-cache") == "miss")
            #expect(harness.sim.stats().requests == 1)
            let second = try await harness.chat(GatewayHarness.body(model: "cached", message: "What does SSO cost?"))
            #expect(second.status == 200)
            #expect(second.headers.first(name: "x-gateway-cache") == "hit-exact")
            #expect(second.headers.first(name: "x-gateway-provider") == "cache")
            #expect(second.headers.first(name: "x-gateway-overhead-ms") != nil)
            #expect(harness.sim.stats().requests == 1, "a hit never reaches the provider")
            let text = { (body: String) in
                (((try? jsonObject(body))?["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String
            }
            #expect(text(second.body) == text(first.body))
            #expect(text(second.body)?.isEmpty == false)
            // JSON key order and whitespace never change the key.
            let reordered = #"{ "messages" : [ {"content":"What does SSO cost?", "role":"user"} ],  "stream":false, "model":"cached" }"#
            #expect(try await harness.chat(reordered).headers.first(name: "x-gateway-cache") == "hit-exact")
            // Any answer-changing parameter does.
            let other = try await harness.chat(GatewayHarness.body(model: "cached", message: "What does SSO cost?", extra: #","max_tokens":300"#))
            #expect(other.headers.first(name: "x-gateway-cache") == "miss")
        }
    }

    /// Frames of an SSE body, without the `data: ` prefix.
    static func frames(_ body: String) -> [String] {
        body.components(separatedBy: "\n\n").compactMap { block in
            block.hasPrefix("data: ") ? String(block.dropFirst("data: ".count)) : nil
        }
    }

    /// What each chunk is: role, content, finish, usage or done.
    static func shape(_ frames: [String]) throws -> [String] {
        try frames.map { frame in
            if frame == "[DONE]" { return "done" }
            let chunk = try jsonObject(frame)
            if chunk["usage"] != nil, (chunk["choices"] as? [Any])?.isEmpty == true { return "usage" }
            let choice = (chunk["choices"] as? [[String: Any]])?.first ?? [:]
            let delta = choice["delta"] as? [String: Any] ?? [:]
            if delta["role"] != nil { return "role" }
            if choice["finish_reason"] is String { return "finish" }
            return delta["content"] != nil ? "content" : "other"
        }
    }

    static func content(_ frames: [String]) throws -> String {
        try frames.filter { $0 != "[DONE]" }.map { frame in
            let choice = (try jsonObject(frame)["choices"] as? [[String: Any]])?.first
            return (choice?["delta"] as? [String: Any])?["content"] as? String ?? ""
        }.joined()
    }

    @Test func aStreamedAnswerIsStoredOnceAndReplaysWithTheLiveShape() async throws {
        try await Self.run { harness in
            let request = GatewayHarness.body(model: "cached", message: "Tell me about onboarding", stream: true, extra: #","stream_options":{"include_usage":true}"#)
            let live = try await harness.chat(request)
            #expect(live.headers.first(name: "x-gateway-cache") == "miss")
            try await eventually("the completed stream was stored") {
                (try? await harness.chat(GatewayHarness.body(model: "cached", message: "Tell me about onboarding")))?.headers
                    .first(name: "x-gateway-cache") == "hit-exact"
            }
            let replay = try await harness.chat(request)
            #expect(replay.headers.first(name: "x-gateway-cache") == "hit-exact")
            #expect(replay.headers.first(name: "content-type") == "text/event-stream")
            #expect(harness.sim.stats().requests == 1)
            let liveFrames = Self.frames(live.body)
            let replayFrames = Self.frames(replay.body)
            let collapse = { (shape: [String]) in shape.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } }
            #expect(collapse(try Self.shape(replayFrames)) == collapse(try Self.shape(liveFrames)))
            #expect(collapse(try Self.shape(replayFrames)) == ["role", "content", "finish", "usage", "done"])
            #expect(try Self.content(replayFrames) == Self.content(liveFrames))
        }
    }

    /// A request that must never be served from or stored in the cache.
    struct NeverCached: Sendable, CustomTestStringConvertible {
        var name: String
        var model = "cached"
        var extra = ""
        var headers: [(String, String)] = []
        var stream = false
        var expectedHeader = "bypass"
        var testDescription: String { name }
    }

    static let neverCachedCases: [NeverCached] = [
        NeverCached(name: "temperature above 0", extra: #","temperature":0.7"#),
        NeverCached(name: "Cache-Control: no-store", headers: [("cache-control", "no-store")]),
        NeverCached(name: "body cache.no_store", extra: #","cache":{"no_store":true}"#),
        NeverCached(name: "an alias without cache", model: "uncached"),
        NeverCached(name: "an answer cut by max_tokens", extra: #","max_tokens":1"#, expectedHeader: "miss"),
        NeverCached(name: "a stream that broke", headers: [("x-sim-fault", "cut")], stream: true, expectedHeader: "miss"),
    ]

    @Test(arguments: neverCachedCases)
    func neverCached(_ item: NeverCached) async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: item.model, message: "never cached: \(item.name)", stream: item.stream, extra: item.extra)
            for _ in 0..<2 {
                let reply = try await harness.chat(body, headers: item.headers)
                #expect(reply.headers.first(name: "x-gateway-cache") == item.expectedHeader, "\(reply.headers)")
            }
            #expect(harness.sim.stats().requests == 2, "both requests went upstream")
        }
    }

    @Test func errorsAreNeverCached() async throws {
        try await Self.run { harness in
            for _ in 0..<2 {
                let reply = try await harness.chat(GatewayHarness.body(model: "cached-broken"))
                #expect(reply.status == 502)
            }
            #expect(harness.sim.stats().byModel["broken-model"] ?? 0 >= 2)
        }
    }

    @Test func noCacheSkipsTheLookupButStoresAndAllowTemperatureCaches() async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: "cached", message: "refresh this")
            let fresh = try await harness.chat(body, headers: [("cache-control", "no-cache")])
            #expect(fresh.headers.first(name: "x-gateway-cache") == "bypass")
            #expect(try await harness.chat(body).headers.first(name: "x-gateway-cache") == "hit-exact")
            let warm = GatewayHarness.body(model: "cached-warm", message: "warm", extra: #","temperature":0.9"#)
            #expect(try await harness.chat(warm).headers.first(name: "x-gateway-cache") == "miss")
            #expect(try await harness.chat(warm).headers.first(name: "x-gateway-cache") == "hit-exact")
        }
    }

    @Test func identicalConcurrentMissesMakeOneUpstreamCall() async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: "cached", message: "single flight")
            let slow = [("x-sim-ttft-ms", "400")]
            let replies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let reply = try await harness.chat(body, headers: slow)
                        return (reply.status, reply.headers.first(name: "x-gateway-cache") ?? "")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.0 == 200 })
            #expect(harness.sim.stats().requests == 1, "\(replies)")
        }
    }

    @Test func aWaiterThatLeavesDoesNotCancelTheSharedCall() async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: "cached", message: "one waiter leaves")
            // Long enough that the second request joins the flight on a busy machine.
            let slow = [("x-sim-ttft-ms", "4000")]
            let leaving = Task { try await harness.chat(body, headers: slow) }
            try await eventually("the call is in flight") { harness.sim.stats().inFlight == 1 }
            let staying = Task { try await harness.chat(body, headers: slow) }
            let chat = try OpenAIIngress.decodeRequest(ByteBuffer(string: body))
            let key = await harness.gateway.cache.exact.key(for: chat, alias: "cached", namespace: "default")
            try await eventually("both requests wait on one flight") { harness.gateway.cache.flights.waiterCount(key: key) == 2 }
            leaving.cancel()
            let reply = try await staying.value
            #expect(reply.status == 200)
            #expect(harness.sim.stats().requests == 1)
            #expect(harness.sim.stats().cancelledByClient == 0)
        }
    }

    @Test func deletingTheNamespaceInvalidatesItsEntries() async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: "cached", message: "invalidate me")
            _ = try await harness.chat(body)
            #expect(try await harness.chat(body).headers.first(name: "x-gateway-cache") == "hit-exact")
            var request = HTTPClientRequest(url: harness.gatewayURL + "/v1/cache?namespace=default")
            request.method = .DELETE
            let response = try await harness.client.execute(request, timeout: .seconds(10))
            #expect(response.status.code == 200)
            let answer = try jsonObject(String(buffer: try await response.body.collect(upTo: 1 << 16)))
            #expect(answer["version"] as? Int == 1)
            #expect(try await harness.chat(body).headers.first(name: "x-gateway-cache") == "miss")
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"gateway_cache_lookups_total{alias="cached",tier="exact",outcome="hit_memory"}"#))
        }
    }
}
