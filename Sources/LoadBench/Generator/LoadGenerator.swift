import AsyncHTTPClient
import BenchKit
import Locking
import Synchronization

/// Offers load to one target and measures it. One shared `HTTPClient` (its pool sized for
/// the largest concurrency) serves every run; nothing is logged per request.
public struct LoadGenerator: Sendable {
    public let client: HTTPClient
    /// Each request's deadline, queueing in the client's pool included.
    public var timeout: Duration

    public init(client: HTTPClient, timeout: Duration = .seconds(10)) {
        self.client = client
        self.timeout = timeout
    }

    /// An HTTP client for load: `connections` keep-alive connections per host, no decompression.
    public static func makeClient(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 1))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `load` against `target`, every request asking for `request`; `progress` is redrawn
    /// ten times a second from counters, never per request.
    public func run(target: LoadTarget, load: LoadShape, request: BenchRequest, progress: ProgressLine? = nil) async -> LoadResult {
        let executor = RequestExecutor(client: client, target: target, request: request, timeout: timeout)
        let live = LiveCounters()
        let start = ContinuousClock.now
        let recorder: RunRecorder = await withTaskGroup(of: RunRecorder?.self) { group in
            if let progress {
                group.addTask {
                    await Self.tick(progress, live: live, load: load, start: start)
                    return nil
                }
            }
            let recorder: RunRecorder
            switch load.kind {
            case .openLoop(let rate):
                let schedule = OpenLoopSchedule(ratePerSecond: rate, duration: load.duration, maxRequests: load.maxRequests)
                recorder = await Self.openLoop(schedule, executor: executor, live: live)
            case .closedLoop(let concurrency):
                recorder = await Self.closedLoop(
                    concurrency: concurrency, until: start + load.duration, maxRequests: load.maxRequests,
                    executor: executor, live: live)
            }
            group.cancelAll()
            return recorder
        }
        let elapsed = ContinuousClock.now - start
        progress?.update(fraction: 1, note: "\(recorder.completed) requests")
        progress?.finish()
        return LoadResult(
            target: target.label, mode: request.mode, load: load, sent: live.started.load(ordering: .relaxed),
            recorder: recorder, elapsed: elapsed)
    }

    /// Starts request `i` at its due time whatever happened to earlier ones; a dispatcher that
    /// fell behind sends the overdue ones at once, and their latency still counts from the due time.
    static func openLoop(_ schedule: OpenLoopSchedule, executor: RequestExecutor, live: LiveCounters) async -> RunRecorder {
        let shared = SharedRecorder()
        let start = ContinuousClock.now
        await withDiscardingTaskGroup { group in
            for index in 0..<schedule.count {
                if Task.isCancelled { break }
                let due = start + schedule.offset(of: index)
                if ContinuousClock.now < due { try? await Task.sleep(until: due, clock: .continuous) }
                live.started.add(1, ordering: .relaxed)
                group.addTask {
                    let outcome = await executor.execute(from: due)
                    shared.record(outcome)
                    live.completed.add(1, ordering: .relaxed)
                }
            }
        }
        return shared.snapshot()
    }

    /// `concurrency` workers, each sending its next request when the previous one answered,
    /// until the deadline or the request budget; each keeps its own recorder, merged at the end.
    static func closedLoop(
        concurrency: Int, until deadline: ContinuousClock.Instant, maxRequests: Int?, executor: RequestExecutor, live: LiveCounters
    ) async -> RunRecorder {
        await closedLoop(concurrency: concurrency, until: deadline, maxRequests: maxRequests, live: live) { _ in
            await executor.execute(from: .now)
        }
    }

    /// The closed loop with the request chosen per index (0, 1, 2 … in the order they start),
    /// for runs whose every request differs (cache misses, filling a cache).
    static func closedLoop(
        concurrency: Int, until deadline: ContinuousClock.Instant, maxRequests: Int?, live: LiveCounters,
        execute: @escaping @Sendable (Int) async -> RequestOutcome
    ) async -> RunRecorder {
        let budget = maxRequests ?? Int.max
        return await withTaskGroup(of: RunRecorder.self) { group in
            for _ in 0..<max(concurrency, 1) {
                group.addTask {
                    var local = RunRecorder()
                    while !Task.isCancelled, ContinuousClock.now < deadline {
                        let index = live.started.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard index < budget else { break }
                        local.record(await execute(index))
                        live.completed.add(1, ordering: .relaxed)
                    }
                    return local
                }
            }
            var merged = RunRecorder()
            for await local in group { merged.merge(local) }
            if live.started.load(ordering: .relaxed) > budget { live.started.store(budget, ordering: .relaxed) }
            return merged
        }
    }

    /// Redraws the progress line until cancelled.
    static func tick(_ progress: ProgressLine, live: LiveCounters, load: LoadShape, start: ContinuousClock.Instant) async {
        let expected: Int? =
            switch load.kind {
            case .openLoop(let rate): OpenLoopSchedule(ratePerSecond: rate, duration: load.duration, maxRequests: load.maxRequests).count
            case .closedLoop: load.maxRequests
            }
        while !Task.isCancelled {
            let done = live.completed.load(ordering: .relaxed)
            let elapsed = ContinuousClock.now - start
            var fraction = elapsed.seconds / max(load.duration.seconds, 1e-9)
            if let expected, expected > 0 { fraction = max(fraction, Double(done) / Double(expected)) }
            let rate = elapsed.seconds > 0 ? Double(done) / elapsed.seconds : 0
            progress.update(fraction: min(fraction, 1), note: "\(done) done, \(Int(rate.rounded())) req/s")
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// Counters read by the progress line while a run is going.
final class LiveCounters: Sendable {
    let started = Atomic<Int>(0)
    let completed = Atomic<Int>(0)
}

/// One recorder behind a lock, for an open loop's independent request tasks.
final class SharedRecorder: Sendable {
    private let state = Locked(RunRecorder())

    func record(_ outcome: RequestOutcome) {
        state.withLock { $0.record(outcome) }
    }

    func snapshot() -> RunRecorder {
        state.withLock { $0 }
    }
}
