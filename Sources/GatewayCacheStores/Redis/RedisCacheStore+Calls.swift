import GatewayCache
import GatewayCore
import Logging

extension RedisCacheStore {
    /// One command: admitted by the breaker, run on a worker, bounded by the timeout; the
    /// outcome is fed back to the breaker and any transition logged after the lock.
    func call(_ arguments: [[UInt8]]) async throws(CacheStoreError) -> RedisReply {
        let now = ContinuousClock.now
        let (allowed, action, generation) = withState { state in
            let (allowed, action) = state.breaker.admit(now: now)
            if !allowed { state.stats.rejected += 1 }
            return (allowed, action, state.generation)
        }
        if let action { perform(action) }
        guard allowed else { throw .unavailable }
        let job = RedisJob(arguments: arguments, generation: generation)
        // The job is completed exactly once, by whichever comes first in real time: the
        // worker thread when the reply arrives, or this timer at the deadline. A reply that
        // arrived in time wins even when the cooperative pool runs the timer late.
        let timer = Task { [job, deadline = now + configuration.timeout] in
            guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
            job.complete(.failure(TimeLimitExceeded()))
        }
        defer { timer.cancel() }
        let outcome: Result<RedisReply, CacheStoreError>
        do {
            let reply = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    job.attach(continuation)
                    if !submit(.command(job)) { job.complete(.failure(QueueFull())) }
                }
            } onCancel: {
                job.complete(.failure(CancellationError()))
            }
            outcome = .success(reply)
        } catch is TimeLimitExceeded {
            outcome = .failure(.timedOut)
        } catch let detail as CacheStoreErrorDetail {
            outcome = .failure(.connectionFailed(detail.message))
        } catch is QueueFull {
            withState { $0.stats.rejected += 1 }
            throw .unavailable
        } catch {
            throw .cancelled
        }
        return try record(outcome)
    }

    private func record(_ outcome: Result<RedisReply, CacheStoreError>) throws(CacheStoreError) -> RedisReply {
        let now = ContinuousClock.now
        switch outcome {
        case .success(.error(let message)):
            withState { $0.stats.errorReplies += 1 }
            throw .badReply(RedisConnection.firstWord(message))
        case .success(let reply):
            withState { state in
                state.stats.replies += 1
                state.breaker.commandSucceeded()
            }
            return reply
        case .failure(let error):
            let action = withState { state -> StoreBreaker.Action? in
                if error == .timedOut { state.stats.timeouts += 1 } else { state.stats.failures += 1 }
                state.lastError = Self.describe(error)
                let action = state.breaker.commandFailed(now: now)
                if action == .opened { state.generation += 1 }
                return action
            }
            if let action { perform(action) }
            throw error
        }
    }

    /// Idle time on worker 0: start a probe when one is due.
    func tick() {
        let now = ContinuousClock.now
        if let action = withState({ $0.breaker.tick(now: now) }) { perform(action) }
    }

    func perform(_ action: StoreBreaker.Action) {
        switch action {
        case .opened:
            let reason = withState { $0.lastError }
            logger.warning(
                "redis cache store unavailable; serving from memory only",
                metadata: ["redis.url": "\(configuration.url)", "redis.error": "\(reason)"])
        case .recovered(let downtime):
            logger.notice(
                "redis cache store recovered",
                metadata: ["redis.url": "\(configuration.url)", "redis.downtime_ms": "\(downtime.wholeMilliseconds)"])
        case .startProbe:
            let generation = withState { $0.generation }
            let config = configuration
            let submitted = submit(.probe { [weak self] session in
                let reached = Self.probe(session, config: config, generation: generation)
                self?.probeFinished(reached)
            })
            if !submitted { probeFinished(false) }
        }
    }

    private func probeFinished(_ reached: Bool) {
        let now = ContinuousClock.now
        let action = withState { state -> StoreBreaker.Action? in
            if reached { return state.breaker.probeSucceeded(now: now) }
            state.breaker.probeFailed(now: now)
            return nil
        }
        if let action { perform(action) }
    }

    private static func describe(_ error: CacheStoreError) -> String {
        switch error {
        case .unavailable: "unavailable"
        case .timedOut: "timed out"
        case .cancelled: "cancelled"
        case .connectionFailed(let detail): detail
        case .badReply(let detail): detail
        }
    }
}

/// The worker queue was full: the call is refused at once.
struct QueueFull: Error {}
