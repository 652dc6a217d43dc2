import AsyncHTTPClient
import GatewayCore
import NIOCore
import NIOHTTP1
import Simulator
import Testing

@testable import GatewayProviders

/// Each adapter against the real simulator over loopback, through AsyncHTTPClient.
@Suite("Providers against the simulator")
struct ProviderLoopbackTests {
    static let key = APIKey("sk-loopback-SECRET-4242")
    static let kinds: [ProviderKind] = [.openai, .openaiCompatible, .anthropic, .gemini]
    static let request = ChatRequest(
        model: "alias",
        messages: [
            ChatMessage(role: .system, text: "You echo."),
            ChatMessage(role: .user, text: "first question"),
            ChatMessage(role: .assistant, text: "first answer"),
            ChatMessage(role: .user, text: "what is the capital of France?"),
        ]
    )
    static let echo = "echo: what is the capital of France?"

    /// Starts the `zero` simulator and a client, runs `body` with a provider of `kind`, and
    /// always shuts both down.
    func withProvider(_ kind: ProviderKind, _ body: (any Provider, SimServer) async throws -> Void) async throws {
        let profile = try #require(SimProfile.builtin(named: "zero"))
        let sim = try await SimServer.start(profile: profile, port: 0)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let transport = AsyncHTTPClientTransport(client: client)
        let provider = ProviderRegistry.make(kind: kind, name: "sim-\(kind.rawValue)", baseURL: sim.baseURL, key: Self.key, transport: transport)
        do {
            try await body(provider, sim)
        } catch {
            try? await client.shutdown()
            try? await sim.shutdown()
            throw error
        }
        try await client.shutdown()
        try await sim.shutdown()
    }

    func call(fault: String? = nil) -> UpstreamCall {
        var headers: HTTPHeaders = [:]
        if let fault { headers.add(name: "x-sim-fault", value: fault) }
        return upstreamCall(Self.request, model: "sim-small", headers: headers)
    }

    /// The error's every description is free of the key.
    func expectNoKey(_ error: (any Error)?) {
        #expect(!String(describing: error as Any).contains(Self.key.value))
        #expect(!String(reflecting: error as Any).contains(Self.key.value))
        if let upstream = error as? UpstreamError { #expect(!upstream.message.contains(Self.key.value)) }
    }

    @Test("JSON answer: the echo, usage, finish stop; credentials sent", arguments: kinds)
    func complete(kind: ProviderKind) async throws {
        try await withProvider(kind) { provider, sim in
            let reply = try await provider.complete(call())
            #expect(reply.response.text == Self.echo)
            #expect(reply.response.finishReason == .stop)
            let usage = try #require(reply.response.usage)
            #expect(usage.inputTokens > 0)
            #expect(usage.outputTokens > 0)
            #expect(reply.serviceTime != nil)
            let record = try #require(sim.stats().recent.last)
            #expect(record.hadCredentials)
            #expect(!record.stream)
        }
    }

    @Test("streamed answer: the echo, usage, finish stop", arguments: kinds)
    func stream(kind: ProviderKind) async throws {
        try await withProvider(kind) { provider, sim in
            let stream = try await provider.stream(call())
            var accumulator = StreamAccumulator()
            var contentEvents = 0
            for try await event in stream {
                accumulator.apply(event)
                if event.isContent { contentEvents += 1 }
            }
            #expect(accumulator.text == Self.echo)
            #expect(contentEvents >= 1)
            #expect(accumulator.finishReason == .stop)
            let usage = try #require(accumulator.usage)
            #expect(usage.inputTokens > 0)
            #expect(usage.outputTokens > 0)
            let record = try #require(sim.stats().recent.last)
            #expect(record.hadCredentials)
            #expect(record.stream)
        }
    }

    @Test("a 429 fault is rateLimited with its Retry-After", arguments: kinds)
    func rateLimited(kind: ProviderKind) async throws {
        try await withProvider(kind) { provider, _ in
            let error = await caughtError { _ = try await provider.complete(call(fault: "429")) }
            guard case .rateLimited(let retryAfter, _)? = error as? UpstreamError else {
                Issue.record("expected rateLimited, got \(String(describing: error))")
                return
            }
            #expect(retryAfter == .seconds(1))
            expectNoKey(error)
            let streamError = await caughtError { _ = try await provider.stream(call(fault: "429")) }
            #expect((streamError as? UpstreamError)?.kind == "rate_limited")
            expectNoKey(streamError)
        }
    }

    @Test("500 and 529 faults are server errors and overloads", arguments: kinds)
    func serverFaults(kind: ProviderKind) async throws {
        try await withProvider(kind) { provider, _ in
            let server = await caughtError { _ = try await provider.complete(call(fault: "500")) }
            #expect((server as? UpstreamError)?.kind == "server_error")
            let overloaded = await caughtError { _ = try await provider.complete(call(fault: "529")) }
            #expect((overloaded as? UpstreamError)?.kind == "overloaded")
            expectNoKey(server)
            expectNoKey(overloaded)
        }
    }

    @Test("a cut stream throws streamInterrupted from iteration", arguments: kinds)
    func cutStream(kind: ProviderKind) async throws {
        try await withProvider(kind) { provider, _ in
            let stream = try await provider.stream(call(fault: "cut"))
            let error = await caughtError {
                for try await _ in stream {}
            }
            #expect((error as? UpstreamError)?.kind == "stream_interrupted")
            expectNoKey(error)
        }
    }

    @Test("a reset connection and a cut JSON body are retryable upstream errors", arguments: kinds)
    func brokenConnections(kind: ProviderKind) async throws {
        try await withProvider(kind) { provider, _ in
            let reset = await caughtError { _ = try await provider.complete(call(fault: "reset")) }
            #expect((reset as? UpstreamError)?.kind == "connection_failed")
            let cut = await caughtError { _ = try await provider.complete(call(fault: "cut")) }
            let upstream = try #require(cut as? UpstreamError)
            #expect(upstream.isRetryable)
            expectNoKey(reset)
            expectNoKey(cut)
        }
    }
}
