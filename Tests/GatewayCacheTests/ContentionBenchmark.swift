import SeededRandom
import Foundation
import GatewayCore
import GatewayCache
import Testing

/// Lock contention of the in-process tier: 10 to 100 concurrent tasks doing get (90 %) and
/// put (10 %) on one MemoryCacheStore. Off by default (it measures, it asserts nothing about
/// speed); run with `CACHE_BENCH=1 swift test -c release --filter ContentionBenchmark`.
@Suite("Memory tier contention benchmark", .enabled(if: ProcessInfo.processInfo.environment["CACHE_BENCH"] == "1"))
struct ContentionBenchmark {
    @Test func getsAndPutsUnderContention() async {
        let clock = ManualWallClock(start: Fixtures.t0)
        let keys = (0..<10_000).map { CacheKey(namespace: "default", version: 0, digest: RequestDigest(hashing: Array("k\($0)".utf8))) }
        let answer = Fixtures.answer(text: String(repeating: "x", count: 400), now: clock.now(), ttl: .seconds(3600))
        let operationsPerTask = 20_000
        print("tasks  ops/s(wall)  wall ns/op  process CPU ns/op  hit-rate")
        for tasks in [1, 10, 50, 100] {
            let store = MemoryCacheStore(maxBytes: 64 << 20, clock: clock)
            for key in keys { store.put(key, answer) }
            let start = ContinuousClock.now
            let cpuStart = processCPUSeconds()
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<tasks {
                    group.addTask {
                        var generator = SplitMix64(seed: UInt64(worker))
                        for _ in 0..<operationsPerTask {
                            let key = keys[Int(generator.next() % UInt64(keys.count))]
                            if generator.next() % 10 == 0 { store.put(key, answer) } else { _ = store.get(key) }
                        }
                    }
                }
            }
            let elapsed = ContinuousClock.now - start
            let cpu = processCPUSeconds() - cpuStart
            let total = Double(tasks * operationsPerTask)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let stats = store.stats
            let hitRate = Double(stats.hits) / Double(max(stats.hits + stats.misses, 1))
            print(String(format: "%5d  %11.0f  %10.0f  %17.0f  %.2f", tasks, total / seconds, seconds * 1e9 / total, cpu * 1e9 / total, hitRate))
        }
    }
}

/// The cost of deriving a key on the request path (canonical JSON + SHA-256), same switch.
@Suite("Key derivation benchmark", .enabled(if: ProcessInfo.processInfo.environment["CACHE_BENCH"] == "1"))
struct KeyDerivationBenchmark {
    @Test func cpuPerKey() {
        let request = Fixtures.request()
        var long = request
        long.messages += (0..<20).map { ChatMessage(role: $0 % 2 == 0 ? .user : .assistant, text: String(repeating: "word ", count: 60)) }
        for (name, sample) in [("small (2 messages, 1 tool)", request), ("long (22 messages, ~6 KB)", long)] {
            let rounds = 5_000
            var start = threadCPUSeconds()
            var last: RequestDigest?
            for _ in 0..<rounds { last = CanonicalRequest.exactDigest(of: sample, alias: "fast") }
            let canonical = (threadCPUSeconds() - start) * 1e6 / Double(rounds)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            start = threadCPUSeconds()
            for _ in 0..<rounds { _ = try? encoder.encode(sample) }
            let foundation = (threadCPUSeconds() - start) * 1e6 / Double(rounds)
            start = threadCPUSeconds()
            let bytes = CanonicalRequest.encoding(of: sample, alias: "fast")
            for _ in 0..<rounds { last = RequestDigest(hashing: bytes) }
            let hashing = (threadCPUSeconds() - start) * 1e6 / Double(rounds)
            print(String(
                format: "key %@ (%d bytes): %.1f µs CPU per key (SHA-256 alone %.1f); JSONEncoder .sortedKeys alone %.1f",
                name, bytes.count, canonical, hashing, foundation), last?.hex.prefix(8) ?? "")
        }
    }
}

/// CPU seconds used by this thread (unaffected by other processes' load).
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU seconds used by this process, all threads.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
