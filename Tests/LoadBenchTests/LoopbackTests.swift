import AsyncHTTPClient
import Testing

@testable import LoadBench
@testable import Simulator

/// The load generator against a real simulator on loopback (zero latency, no faults).
/// Counts only: no timing is asserted, and closed loops stop at their request count (their
/// duration is only a bound far beyond it, so a slow machine sends the same requests).
@Suite("Loopback load")
struct LoopbackTests {
    static func withSimAndClient(_ body: (SimServer, LoadGenerator) async throws -> Void) async throws {
        let sim = try await SimServer.start(profile: SimProfile.parse(yaml: "seed: 1\nresponder: echo\n", file: "zero.yaml"), port: 0)
        let client = LoadGenerator.makeClient(connections: 8)
        do {
            try await body(sim, LoadGenerator(client: client, timeout: .seconds(30)))
        } catch {
            try? await client.shutdown()
            try? await sim.shutdown()
            throw error
        }
        try await client.shutdown()
        try await sim.shutdown()
    }

    @Test func closedLoopJSON() async throws {
        try await Self.withSimAndClient { sim, generator in
            let target = LoadTarget.openAICompatible(label: "direct", baseURL: sim.baseURL, model: "sim-small")
            let result = await generator.run(
                target: target, load: .closed(concurrency: 4, duration: .seconds(600), maxRequests: 20), request: BenchRequest(mode: .json))
            #expect(result.sent == 20)
            #expect(result.succeeded == 20)
            #expect(result.failures.isEmpty)
            #expect(result.latencyMs.count == 20)
            #expect(result.ttftMs == nil)
            #expect(result.upstreamCallsPerRequest == nil)
            #expect(sim.stats().requests == 20)
        }
    }

    @Test func closedLoopStreamMeasuresTTFT() async throws {
        try await Self.withSimAndClient { sim, generator in
            let target = LoadTarget.openAICompatible(label: "direct", baseURL: sim.baseURL, model: "sim-small")
            let result = await generator.run(
                target: target, load: .closed(concurrency: 2, duration: .seconds(600), maxRequests: 20), request: BenchRequest(mode: .stream))
            #expect(result.succeeded == 20)
            #expect(result.failures.isEmpty)
            #expect(result.ttftMs?.count == 20)
            #expect((result.ttftMs?.p50 ?? .infinity) <= result.latencyMs.max)
        }
    }

    @Test func openLoopSendsItsTimetable() async throws {
        try await Self.withSimAndClient { sim, generator in
            let target = LoadTarget.openAICompatible(label: "direct", baseURL: sim.baseURL, model: "sim-small")
            let result = await generator.run(
                target: target, load: .open(rate: 200, duration: .seconds(60), maxRequests: 20), request: BenchRequest(mode: .json))
            #expect(result.sent == 20)
            #expect(result.succeeded == 20)
        }
    }

    @Test func failuresAreCountedByKind() async throws {
        try await Self.withSimAndClient { sim, generator in
            let target = LoadTarget.openAICompatible(label: "direct", baseURL: sim.baseURL + "/nowhere", model: "sim-small")
            let result = await generator.run(
                target: target, load: .closed(concurrency: 2, duration: .seconds(600), maxRequests: 6), request: BenchRequest(mode: .json))
            #expect(result.succeeded == 0)
            #expect(result.failures == ["http_404": 6])
        }
    }
}
