import Benchmark
import GatewayCore
import GatewayProviders
import NIOCore

/// CPU, wall clock and mallocs per operation for the three pieces of the gateway's hot path
/// that run on every request or chunk. Each operation is one request or one whole stream, so
/// per-chunk figures are the stream's divided by its 103 chunks (docs/bench/hotpath.md).
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.cpuTotal, .wallClock, .mallocCountTotal, .throughput]
    let configuration = Benchmark.Configuration(metrics: metrics, warmupIterations: 50, maxDuration: .seconds(3), maxIterations: 100_000)

    Benchmark("ingress decode: chat request (2.5 KB, tools, json_schema)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try OpenAIIngress.decodeRequest(Fixtures.chatRequest))
        }
    }

    // The relay's work per stream: SSE parsing of the upstream pieces, the OpenAI chunk
    // decoder, the client-side chunk encoder. No sockets.
    let api = OpenAIAPI(baseURL: "http://127.0.0.1:1")
    let request = try! OpenAIIngress.decodeRequest(ByteBuffer(string: #"{"model":"fast","stream":true,"messages":[{"role":"user","content":"hi"}]}"#))
    let call = UpstreamCall(request: request, model: "m", deadline: .distantFuture)
    Benchmark("chunk relay: one 400-token stream (103 chunks)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var parser = SSEParser()
            var decoder = api.streamDecoder(for: call)
            let encoder = OpenAIChunkEncoder(id: "chatcmpl-gw-1", model: "fast", created: 1_764_720_000)
            var bytes = 0
            // As the gateway's relay does: one upstream read's events encoded into one buffer.
            for piece in Fixtures.upstreamPieces {
                let events = piece.withUnsafeReadableBytes { parser.feed($0) }
                var frames = ByteBuffer()
                frames.reserveCapacity(events.count * 192)
                for event in events {
                    for output in try decoder.decode(event) {
                        encoder.encode(output, includeUsage: true, into: &frames)
                    }
                }
                bytes += frames.readableBytes
            }
            blackHole(bytes)
        }
    }

    for size in [8, 200] {
        let policy = try! Fixtures.policy(aliases: size)
        let name = "alias-\(size - 1)"
        Benchmark("policy lookup: alias and its providers (\(size) aliases)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let alias = policy.alias(named: name)!
                for route in alias.routes { blackHole(policy.provider(named: route.provider)) }
            }
        }
    }
}
