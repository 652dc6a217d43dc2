import GatewayCache
import ServiceLifecycle

/// Writes the in-process cache tier to the snapshot file every `interval_s` and once more
/// at graceful shutdown, so a restarted gateway answers warm. Added only when a snapshot is
/// configured (a service that returns early would stop the whole group).
struct CacheSnapshotService: Service {
    let cache: CacheRuntime

    func run() async throws {
        guard let snapshot = cache.snapshot else { return }
        let memory = cache.exact.memory
        let interval = cache.snapshotInterval
        let clock = cache.clock
        await cancelWhenGracefulShutdown {
            await snapshot.runPeriodically(from: memory, every: interval, clock: clock)
        }
    }
}
