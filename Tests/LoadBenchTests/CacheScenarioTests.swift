import BenchKit
import Foundation
import GatewayCore
import Testing

@testable import LoadBench

/// The cache scenario's pure parts: `/proc` and `/metrics` parsing, phase accounting,
/// ratios to the direct call, targets and the report's JSON shape. No timing assertions.
@Suite("Cache scenario")
struct CacheScenarioTests {
    /// A recorder whose latencies are `baseMicros` + 0…99 µs, evenly.
    static func recorder(baseMicros: Int, failures: Int = 0) -> RunRecorder {
        var recorder = RunRecorder()
        for step in 0..<100 {
            recorder.record(.success(latency: .microseconds(baseMicros + step), ttft: nil, upstreamAttempts: nil))
        }
        for _ in 0..<failures { recorder.record(.failure(.status(502))) }
        return recorder
    }

    static func counters(_ lookups: [String: Double], entries: Double = 0, bytes: Double = 0) -> GatewayCacheCounters {
        GatewayCacheCounters(lookups: lookups, memoryEntries: entries, memoryBytes: bytes)
    }

    @Test func procStatGivesUserPlusSystemTimeEvenWithSpacesInTheName() throws {
        let stat = "4242 (llm gateway) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 0 0 20 0 9 0 123 456 789"
        let seconds = try #require(ProcessSample.cpuSeconds(stat: stat, ticksPerSecond: 100))
        #expect(abs(seconds - 3.0) < 1e-9)
        #expect(ProcessSample.cpuSeconds(stat: "garbage", ticksPerSecond: 100) == nil)
        let status = "Name:\tllm-gateway\nVmPeak:\t  9000 kB\nVmRSS:\t   51200 kB\nThreads:\t9\n"
        #expect(ProcessSample.rssBytes(status: status) == 51200 * 1024)
        #expect(ProcessSample.rssBytes(status: "Name:\tx\n") == nil)
    }

    @Test func ownProcessCanBeRead() throws {
        let sample = try #require(ProcessSample.read(pid: getpid()))
        #expect(sample.rssBytes > 0)
        #expect(sample.cpuSeconds >= 0)
    }

    @Test func metricsTextGivesLookupsByTierAndOutcomeAndTheMemoryGauges() {
        let text = """
            # HELP gateway_cache_lookups_total Cache lookups.
            # TYPE gateway_cache_lookups_total counter
            gateway_cache_lookups_total{alias="bench",tier="exact",outcome="hit_memory"} 7
            gateway_cache_lookups_total{alias="other",tier="exact",outcome="hit_memory"} 3
            gateway_cache_lookups_total{alias="bench",tier="exact",outcome="miss"} 2
            gateway_cache_entries{store="memory"} 10000
            gateway_cache_bytes{store="memory"} 7500000
            gateway_requests_total{alias="bench"} 99
            """
        let counters = GatewayCacheCounters(prometheus: text)
        #expect(counters.lookups == ["exact/hit_memory": 10, "exact/miss": 2])
        #expect(counters.memoryEntries == 10000)
        #expect(counters.memoryBytes == 7_500_000)
        let later = Self.counters(["exact/hit_memory": 15, "exact/miss": 2, "exact/hit_redis": 4])
        #expect(later.lookups(since: counters) == ["exact/hit_memory": 5, "exact/hit_redis": 4])
    }

    @Test func tallySumsSlicesCPUAndOutcomesAndKeepsUniqueIndexesApart() throws {
        let phase = CacheScenario.phases[1]
        #expect(phase.name == "hit-memory")
        var tally = CachePhaseTally(phase: phase)
        tally.skip(10)
        for slice in 0..<2 {
            tally.add(
                Self.recorder(baseMicros: 300), requestsStarted: 100, elapsed: .seconds(1),
                before: ProcessSample(cpuSeconds: Double(slice), rssBytes: 1), after: ProcessSample(cpuSeconds: Double(slice) + 0.005, rssBytes: 1),
                countersBefore: Self.counters([:]), countersAfter: Self.counters(["exact/hit_memory": 99, "exact/miss": 1]))
        }
        #expect(tally.nextIndex == 210)
        #expect(tally.slices == 2)
        #expect(tally.outcomes == ["exact/hit_memory": 198, "exact/miss": 2])
        let direct = Self.recorder(baseMicros: 150).latencySummary
        let row = tally.result(direct: direct)
        #expect(row.requests == 200)
        #expect(row.errors == 0)
        // 10 ms of CPU over 200 requests.
        #expect(abs(try #require(row.cpuMicrosPerRequest) - 50) < 1e-6)
        #expect(abs(try #require(row.expectedShare) - 0.99) < 1e-9)
        let ratio = try #require(row.versusDirect)
        #expect(abs(ratio.p50 - row.latencyMs.p50 / direct.p50) < 1e-9)
        #expect(abs(ratio.addedP99Ms - (row.latencyMs.p99 - direct.p99)) < 1e-9)
        #expect(ratio.addedP50Ms > 0)
    }

    @Test func aSliceWithoutAProcessReadingLeavesNoCPUFigure() {
        var tally = CachePhaseTally(phase: CacheScenario.phases[1])
        tally.add(Self.recorder(baseMicros: 300), requestsStarted: 100, elapsed: .seconds(1), before: nil, after: nil, countersBefore: nil, countersAfter: nil)
        let row = tally.result(direct: nil)
        #expect(row.cpuMicrosPerRequest == nil)
        #expect(row.versusDirect == nil)
        #expect(row.expectedShare == nil)
    }

    @Test func uniqueBodiesNeverRepeatAndRepeatedOnesDo() {
        let miss = CacheScenario.phases.first { $0.name == "miss" }!
        #expect(miss.message(1) != miss.message(2))
        let hit = CacheScenario.phases.first { $0.name == "hit-redis" }!
        #expect(hit.message(1) == hit.message(2))
        #expect(Set(CacheScenario.phases.map(\.name)).count == CacheScenario.phases.count)
    }

    @Test func footprintIsPerEntryAndRSSGrowthCountsFromTheFillStart() throws {
        let level = CacheFootprint(
            counters: Self.counters([:], entries: 10_000, bytes: 7_000_000), process: ProcessSample(cpuSeconds: 0, rssBytes: 60_000_000),
            start: (entries: 0, rssBytes: 50_000_000))
        #expect(level.accountedBytesPerEntry == 700)
        #expect(level.rssBytesPerEntry == 1000)
        let empty = CacheFootprint(counters: Self.counters([:]), process: ProcessSample(cpuSeconds: 0, rssBytes: 1), start: (entries: 0, rssBytes: 1))
        #expect(empty.rssBytesPerEntry == nil)
    }

    static func report() -> CacheReport {
        let direct = CacheScenario.phases[0]
        var tallies = [CachePhaseTally(phase: direct)]
        tallies[0].add(Self.recorder(baseMicros: 150), requestsStarted: 100, elapsed: .seconds(1), before: nil, after: nil, countersBefore: nil, countersAfter: nil)
        for (index, base) in [(1, 300), (2, 600), (3, 310), (5, 900), (6, 4000)] {
            var tally = CachePhaseTally(phase: CacheScenario.phases[index])
            tally.add(
                Self.recorder(baseMicros: base), requestsStarted: 100, elapsed: .seconds(1),
                before: ProcessSample(cpuSeconds: 0, rssBytes: 1), after: ProcessSample(cpuSeconds: 0.004, rssBytes: 1),
                countersBefore: Self.counters([:]), countersAfter: Self.counters([CacheScenario.phases[index].expected!: 100]))
            tallies.append(tally)
        }
        let footprint = [
            CacheFootprint(
                counters: Self.counters([:], entries: 10_000, bytes: 7_000_000), process: ProcessSample(cpuSeconds: 0, rssBytes: 60_000_000),
                start: (entries: 0, rssBytes: 50_000_000))
        ]
        return CacheReport(environment: ["cores": "2"], tallies: tallies, footprint: footprint, targets: CacheScenario.targets(filledRow: nil))
    }

    @Test func targetsAreReadOffTheRowsAndAMissingRowIsLeftOut() throws {
        let targets = Self.report().targets
        // The `miss` row (phase 4) was not measured, so "Redis down adds to a miss" is absent.
        #expect(targets.map(\.target.name) == ["exact hit p99, in-process", "exact hit p99, via Redis", "Redis down adds to a hit, p99"])
        #expect(targets.allSatisfy { $0.met })
        let added = try #require(targets.last)
        #expect(abs(added.measuredMs - 0.01) < 0.005)
    }

    @Test func jsonHasRowsWithRatiosFootprintAndTargets() throws {
        let report = Self.report()
        let object = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        #expect(object["scenario"] as? String == "cache")
        #expect(object["baseline"] as? String == "direct")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 6)
        #expect(rows[0]["name"] as? String == "direct")
        #expect(rows[0]["vs_direct"] == nil)
        let hit = rows[1]
        for key in ["server", "requests", "errors", "latency_ms", "cpu_us_per_request", "outcomes", "expected_share", "vs_direct", "achieved_rps"] {
            #expect(hit[key] != nil, "row key \(key)")
        }
        let ratio = try #require(hit["vs_direct"] as? [String: Any])
        #expect(Set(ratio.keys) == ["p50_ratio", "p99_ratio", "added_p50_ms", "added_p99_ms"])
        let footprint = try #require(object["footprint"] as? [[String: Any]])
        #expect(footprint.first?["accounted_bytes_per_entry"] as? Double == 700)
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.first?["met"] as? Bool == true)
        let table = report.table()
        #expect(table.contains("hit-memory"))
        #expect(table.contains("targets (SPEC §6)"))
        #expect(report.svg().hasPrefix("<svg"))
    }

    @Test func policiesCacheTheAliasWithTheRightStores() throws {
        let memory = try PolicyLoader.parse(yaml: CacheScenario.gatewayPolicy(simURL: "http://127.0.0.1:1", store: .memoryOnly), file: "m.yaml")
        #expect(memory.alias(named: "bench")?.cache?.exact == true)
        #expect(memory.cache.redis == nil)
        let redis = try PolicyLoader.parse(yaml: CacheScenario.gatewayPolicy(simURL: "http://127.0.0.1:1", store: .redisOnly), file: "r.yaml")
        #expect(redis.cache.memoryMaxBytes == 1)
        #expect(redis.cache.redis?.urlEnv == "REDIS_URL")
        let down = try PolicyLoader.parse(yaml: CacheScenario.gatewayPolicy(simURL: "http://127.0.0.1:1", store: .memoryAndRedis), file: "d.yaml")
        #expect(down.cache.memoryMaxBytes == 268_435_456)
        #expect(down.cache.redis != nil)
    }

    @Test func gatewayURLIsTheListeningOneNotAProvidersOne() {
        let log = """
            notice llm-gateway: provider=sim url=http://127.0.0.1:34291 [GatewayServer] provider real
            notice llm-gateway: url=http://127.0.0.1:45831 [LLMGatewayCLI] llm-gateway listening
            """
        #expect(ChildServer.announcedURL(in: log) == "http://127.0.0.1:45831")
    }
}
