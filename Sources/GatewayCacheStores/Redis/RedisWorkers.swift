import DequeModule
import Foundation

/// The store's own threads: each owns one blocking ``RedisConnection`` and runs jobs from
/// one shared queue, so a slow or hung Redis blocks these threads only, never a caller's
/// task or an event loop. A worker takes every queued command (up to `maxBatch`) at once
/// and pipelines them: one round trip per batch under concurrency. Worker 0 also wakes every `tickInterval` to drive the breaker's
/// background probes when no requests arrive.
final class RedisWorkers: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let condition = NSCondition()
    private var queue = Deque<Work>()
    private var stopping = false
    private var running = 0
    private let maxQueued: Int
    private let tickInterval: Duration
    private let maxBatch = 64

    enum Work {
        case command(RedisJob)
        case probe(@Sendable (RedisWorkerSession) -> Void)
    }

    /// Starts `count` threads; `session` makes each thread's connection state, `tick` runs on
    /// worker 0 when idle for `tickInterval`.
    init(
        count: Int, maxQueued: Int, tickInterval: Duration,
        session: @escaping @Sendable (Int) -> RedisWorkerSession,
        run: @escaping @Sendable (RedisWorkerSession, [RedisJob]) -> Void,
        tick: @escaping @Sendable () -> Void
    ) {
        self.maxQueued = maxQueued
        self.tickInterval = tickInterval
        running = max(count, 1)
        for index in 0..<max(count, 1) {
            let thread = Thread { [self] in
                Self.ignoreBrokenPipes()
                let owned = session(index)
                loop(owned, ticking: index == 0, run: run, tick: tick)
                owned.close()
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.name = "redis-cache-\(index)"
            thread.start()
        }
    }

    /// Blocks SIGPIPE on this thread: hiredis writes with plain `write(2)`, and a write to a
    /// Redis that was killed must fail with EPIPE, not end the process. Only the worker
    /// threads are affected; the process-wide disposition is left alone.
    private static func ignoreBrokenPipes() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// Queues work; false if the queue is full or the workers are stopping.
    func submit(_ work: Work) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, queue.count < maxQueued else { return false }
        queue.append(work)
        condition.signal()
        return true
    }

    /// Tells the threads to stop after the queued work, without waiting (safe from any
    /// thread, a worker's own included).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the threads after the queued work and waits until they have closed their
    /// connections (each blocked call returns within the socket timeout).
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func loop(
        _ session: RedisWorkerSession, ticking: Bool,
        run: (RedisWorkerSession, [RedisJob]) -> Void, tick: () -> Void
    ) {
        while true {
            condition.lock()
            var timedOut = false
            while queue.isEmpty, !stopping, !timedOut {
                if ticking {
                    timedOut = !condition.wait(until: Date(timeIntervalSinceNow: tickInterval.seconds))
                } else {
                    condition.wait()
                }
            }
            if queue.isEmpty, stopping {
                condition.unlock()
                return
            }
            let work = queue.popFirst()
            var batch: [RedisJob] = []
            if case .command(let job) = work {
                batch.append(job)
                while batch.count < maxBatch, case .command(let next)? = queue.first {
                    queue.removeFirst()
                    batch.append(next)
                }
            }
            condition.unlock()
            switch work {
            case .command: run(session, batch)
            case .probe(let probe): probe(session)
            case nil: tick()
            }
        }
    }
}

/// One worker thread's connection state (touched by that thread only).
final class RedisWorkerSession: @unchecked Sendable {
    // @unchecked: owned and used by exactly one worker thread.
    var connection: RedisConnection?
    var generation: UInt64 = 0

    func close() { connection = nil }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
