import Foundation
import GatewayCore
import Testing

@testable import LoadBench

@Suite("Report")
struct ReportTests {
    /// A result whose latencies are `base` + 0…99 ms, evenly.
    static func result(_ target: String, _ mode: BenchRequest.Mode, _ load: LoadShape, base: Int, attempts: Int? = nil) -> LoadResult {
        var recorder = RunRecorder()
        for step in 0..<100 {
            let latency = Duration.milliseconds(base + step)
            recorder.record(.success(latency: latency, ttft: mode == .stream ? latency / 2 : nil, upstreamAttempts: attempts))
        }
        if target == "gateway" { recorder.record(.failure(.status(503))) }
        return LoadResult(target: target, mode: mode, load: load, sent: 101, recorder: recorder, elapsed: .seconds(2))
    }

    static let open = LoadShape.open(rate: 100, duration: .seconds(1))
    static let closed = LoadShape.closed(concurrency: 10, duration: .seconds(1))

    static func report() -> BenchReport {
        BenchReport(
            scenario: "overhead", baseline: "direct", environment: ["cores": "2"],
            results: [
                result("direct", .json, open, base: 10), result("gateway", .json, open, base: 12, attempts: 1),
                result("direct", .stream, closed, base: 20), result("gateway", .stream, closed, base: 19, attempts: 1),
                result("litellm", .json, closed, base: 30),
            ])
    }

    @Test func overheadIsTargetMinusDirectAtTheSamePoint() throws {
        let rows = Self.report().rows
        #expect(rows[0].overheadMs == nil)
        let json = try #require(rows[1].overheadMs)
        #expect(abs(json.p50 - 2) < 0.05)
        #expect(abs(json.p99 - 2) < 0.05)
        #expect(json.ttftP50 == nil)
        let stream = try #require(rows[3].overheadMs)
        #expect(abs(stream.p50 + 1) < 0.05)
        #expect(abs((stream.ttftP50 ?? 0) + 0.5) < 0.05)
        // No direct run at (json, closed): nothing to compare with.
        #expect(rows[4].overheadMs == nil)
        #expect(rows[1].result.errors == 1)
        #expect(rows[1].result.upstreamCallsPerRequest == 1)
        #expect(abs(rows[1].result.achievedRate - 50) < 1e-9)
    }

    @Test func aRunWithoutSuccessHasNoOverhead() {
        var recorder = RunRecorder()
        recorder.record(.failure(.timeout))
        let failed = LoadResult(target: "gateway", mode: .json, load: Self.open, sent: 1, recorder: recorder, elapsed: .seconds(1))
        let report = BenchReport(scenario: "overhead", baseline: "direct", results: [Self.result("direct", .json, Self.open, base: 10), failed])
        #expect(report.rows[1].overheadMs == nil)
        #expect(report.rows[1].result.achievedRate == 0)
        let line = report.table().split(separator: "\n")[4]
        #expect(line.hasPrefix("gateway") && line.contains(" - ") && line.hasSuffix(" 1     -"))
    }

    @Test func settlingWaitsForIdleLatency() {
        let settling = Settling()
        let idle = Self.result("direct", .json, Self.open, base: 10)
        #expect(settling.idleLatency(idle) == idle.latencyMs.p50)
        var quick = RunRecorder()
        var slow = RunRecorder()
        for _ in 0..<3 {
            quick.record(.success(latency: .milliseconds(20), ttft: nil, upstreamAttempts: nil))
            slow.record(.success(latency: .milliseconds(200), ttft: nil, upstreamAttempts: nil))
        }
        let check = LoadShape.closed(concurrency: 1, duration: .seconds(1), maxRequests: 3)
        #expect(settling.isQuiet(LoadResult(target: "t", mode: .json, load: check, sent: 3, recorder: quick, elapsed: .seconds(1)), idleMs: 10))
        #expect(!settling.isQuiet(LoadResult(target: "t", mode: .json, load: check, sent: 3, recorder: slow, elapsed: .seconds(1)), idleMs: 10))
        quick.record(.failure(.timeout))
        #expect(!settling.isQuiet(LoadResult(target: "t", mode: .json, load: check, sent: 4, recorder: quick, elapsed: .seconds(1)), idleMs: 10))
        var none = RunRecorder()
        none.record(.failure(.connection))
        #expect(settling.idleLatency(LoadResult(target: "t", mode: .json, load: check, sent: 1, recorder: none, elapsed: .seconds(1))) == nil)
    }

    @Test func jsonShape() throws {
        let data = try Self.report().json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["scenario"] as? String == "overhead")
        #expect(object["baseline"] as? String == "direct")
        #expect((object["environment"] as? [String: String])?["cores"] == "2")
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 5)
        let gateway = runs[1]
        #expect(gateway["target"] as? String == "gateway")
        #expect(gateway["mode"] as? String == "json")
        #expect(gateway["errors"] as? Int == 1)
        #expect((gateway["failures"] as? [String: Int]) == ["http_503": 1])
        #expect(gateway["upstream_calls_per_request"] as? Double == 1)
        for key in ["sent", "succeeded", "elapsed_s", "achieved_rps", "latency_ms", "overhead_ms", "load"] {
            #expect(gateway[key] != nil, "missing \(key)")
        }
        let latency = try #require(gateway["latency_ms"] as? [String: Any])
        for key in ["count", "p50", "p90", "p99", "p999", "mean", "max"] { #expect(latency[key] != nil, "missing latency \(key)") }
        let load = try #require(gateway["load"] as? [String: Any])
        #expect(load["kind"] as? String == "open")
        #expect(load["rate"] as? Double == 100)
        #expect(load["duration_s"] as? Double == 1)
        let overhead = try #require(gateway["overhead_ms"] as? [String: Any])
        #expect(overhead["baseline"] as? String == "direct")
        #expect(runs[0]["overhead_ms"] == nil)
        #expect(runs[2]["ttft_ms"] != nil)
        // Loads round-trip.
        let decoded = try JSONDecoder().decode(LoadShape.self, from: JSONEncoder().encode(Self.closed))
        #expect(decoded == Self.closed)
    }

    @Test func tableHasARowPerRun() {
        let table = Self.report().table()
        let lines = table.split(separator: "\n")
        #expect(lines.count == 3 + 5)
        #expect(lines[1].contains("p99.9") && lines[1].contains("Δp50"))
        #expect(lines[4].hasPrefix("gateway") && lines[4].contains("+2.000"))
        #expect(lines[6].contains("-1.000"))
        #expect(BenchReport.fixed(-0.0004, 3) == "0.000")
        #expect(BenchReport.fixed(12.3456, 2) == "12.35")
    }

    @Test func chartPlotsOverheadsIncludingNegativeOnes() {
        let svg = Self.report().svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("gateway Δp50") && svg.contains("litellm Δp99") == false)
        #expect(!svg.contains("height=\"-"))
    }

    @Test func benchPolicyIsAValidGatewayPolicy() throws {
        let policy = try PolicyLoader.parse(yaml: PeerConfigs.gatewayPolicy(simURL: "http://127.0.0.1:9999"), file: "bench.yaml")
        let alias = try #require(policy.alias(named: "bench"))
        #expect(alias.strategy == .single)
        #expect(alias.routes == [Route(provider: "sim", model: "sim-small")])
        #expect(policy.provider(named: "sim")?.kind == .openaiCompatible)
        #expect(policy.provider(named: "sim")?.endpoint == .url("http://127.0.0.1:9999"))
    }

    @Test func announcedURLIsReadFromTheLog() {
        let line = "2025-01-01T00:00:00+0000 notice llm-gateway: url=http://127.0.0.1:40123 [GatewayServer] llm-gateway listening"
        #expect(ChildServer.announcedURL(in: "starting\n" + line + "\n") == "http://127.0.0.1:40123")
        #expect(ChildServer.announcedURL(in: #"notice sim: profile=zero url="http://127.0.0.1:5" simulator listening"#) == "http://127.0.0.1:5")
        #expect(ChildServer.announcedURL(in: "no url yet") == nil)
        // The gateway names each provider's URL before its own.
        let provider = "notice llm-gateway: provider=sim-a url=http://127.0.0.1:33749 [GatewayServer] provider real"
        #expect(ChildServer.announcedURL(in: provider + "\n" + line + "\n") == "http://127.0.0.1:40123")
        #expect(ChildServer.announcedURL(in: provider + "\n") == nil)
        #expect(PeerConfigs.liteLLMConfig(simURL: "http://127.0.0.1:7").contains("api_base: http://127.0.0.1:7/v1"))
    }
}
