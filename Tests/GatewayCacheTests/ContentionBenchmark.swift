import Foundation
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
        print("tasks  ops/s(total)  ns/op(wall, all tasks)  hit-rate")
        for tasks in [1, 10, 50, 100] {
            let store = MemoryCacheStore(maxBytes: 64 << 20, clock: clock)
            for key in keys { store.put(key, answer) }
            let start = ContinuousClock.now
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
            let total = Double(tasks * operationsPerTask)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let stats = store.stats
            let hitRate = Double(stats.hits) / Double(max(stats.hits + stats.misses, 1))
            print(String(format: "%5d  %12.0f  %10.0f  %.2f", tasks, total / seconds, seconds * 1e9 / total, hitRate))
        }
    }
}
