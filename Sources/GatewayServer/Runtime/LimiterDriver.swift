import GatewayCore
import Locking
import Synchronization

/// The provider's in-flight limit and queue was full.
struct QueueFullError: Error {}

/// Drives a ``ConcurrencyLimiter``: one lock around the state machine, continuations
/// resumed after the lock is released. Cancelling a queued waiter removes it.
final class LimiterDriver: Sendable {
    private struct State {
        var limiter: ConcurrencyLimiter<UInt64>
        var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        /// Handed a slot before their continuation was stored.
        var granted: Set<UInt64> = []
        /// Cancelled before their continuation was stored.
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
    }

    private let state: Locked<State>

    init(limits: ConcurrencyLimits) {
        self.state = Locked(State(limiter: ConcurrencyLimiter(limits: limits)))
    }

    /// Requests running now and waiting in the queue.
    var load: (inFlight: Int, queued: Int) {
        state.withLock { ($0.limiter.inFlight, $0.limiter.queued) }
    }

    /// Waits for a slot. Throws ``QueueFullError`` at once when the queue is full, and
    /// `CancellationError` when the waiting task is cancelled. Pair with ``release()``.
    func acquire() async throws {
        let (id, decision) = state.withLock { state in
            state.nextID += 1
            return (state.nextID, state.limiter.acquire(state.nextID))
        }
        switch decision {
        case .run: return
        case .rejected: throw QueueFullError()
        case .queued: break
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.granted.remove(id) != nil { return .success(()) }
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation: CheckedContinuation<Void, any Error>? = state.withLock { state in
                guard state.limiter.cancel(id) else { return nil }
                guard let continuation = state.waiters.removeValue(forKey: id) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Frees a slot, handing it to the oldest waiter.
    func release() {
        let continuation: CheckedContinuation<Void, any Error>? = state.withLock { state in
            guard let next = state.limiter.release() else { return nil }
            guard let continuation = state.waiters.removeValue(forKey: next) else {
                state.granted.insert(next)
                return nil
            }
            return continuation
        }
        continuation?.resume()
    }
}

/// A held limiter slot, released exactly once however the request ends.
final class LimiterPermit: Sendable {
    private let driver: LimiterDriver
    private let released = Atomic<Bool>(false)

    init(driver: LimiterDriver) {
        self.driver = driver
    }

    func release() {
        if !released.exchange(true, ordering: .acquiringAndReleasing) {
            driver.release()
        }
    }

    deinit {
        release()
    }
}
