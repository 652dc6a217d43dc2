import Locking

/// The value a single-flight caller got, and whether it joined a call someone else started.
public struct SingleFlightResult<Value: Sendable>: Sendable {
    /// The call's value.
    public var value: Value
    /// True when the caller waited on another caller's call (a coalesced miss).
    public var joined: Bool
}

/// The driver of ``SingleFlightMachine``: one lock around the machine and the waiters'
/// continuations; the call runs in a task owned by the flight (not by any caller), so it
/// outlives the caller that started it as long as someone still waits. Continuations are
/// resumed and tasks cancelled after the lock is released.
public final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private enum Slot: Sendable {
        /// Known, not yet waiting (its continuation is being set up).
        case registered
        /// Cancelled before it could wait: the setup resumes it at once.
        case cancelledEarly
        case waiting(Key, CheckedContinuation<SingleFlightResult<Value>, any Error>, started: Bool)
    }

    private struct State: Sendable {
        var machine = SingleFlightMachine<Key>()
        var slots: [WaiterID: Slot] = [:]
        var calls: [FlightID: Task<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Locked(State())

    /// An idle driver.
    public init() {}

    /// Runs `operation` for `key` unless a call for `key` is in flight, in which case it waits
    /// for that call's result instead. The caller's cancellation removes only the caller;
    /// the call is cancelled when no caller waits for it any more.
    public func run(
        key: Key, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> SingleFlightResult<Value> {
        let waiter = state.withLock { state -> WaiterID in
            state.nextWaiter += 1
            let waiter = WaiterID(state.nextWaiter)
            state.slots[waiter] = .registered
            return waiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let cancelledEarly = state.withLock { state -> Bool in
                    if case .cancelledEarly = state.slots[waiter] {
                        state.slots[waiter] = nil
                        return true
                    }
                    switch state.machine.waiterArrived(waiter, key: key) {
                    case .startCall(let flight):
                        state.slots[waiter] = .waiting(key, continuation, started: true)
                        state.calls[flight] = Task { await self.perform(flight, key: key, operation) }
                    case .wait:
                        state.slots[waiter] = .waiting(key, continuation, started: false)
                    }
                    return false
                }
                if cancelledEarly { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            cancel(waiter)
        }
    }

    /// How many calls are in flight (for tests and metrics).
    public var flightCount: Int { state.withLock { $0.machine.flightCount } }

    /// How many callers wait on `key` (for tests).
    public func waiterCount(key: Key) -> Int { state.withLock { $0.machine.waiterCount(key: key) } }

    private func perform(_ flight: FlightID, key: Key, _ operation: @Sendable () async throws -> Value) async {
        let result: Result<Value, any Error>
        do { result = .success(try await operation()) } catch { result = .failure(error) }
        let resumptions = state.withLock { state in
            state.calls[flight] = nil
            guard case .resume(let waiters) = state.machine.callFinished(flight, key: key) else {
                return [(CheckedContinuation<SingleFlightResult<Value>, any Error>, Bool)]()
            }
            return waiters.compactMap { waiter in
                guard case .waiting(_, let continuation, let started) = state.slots.removeValue(forKey: waiter)
                else { return nil }
                return (continuation, started)
            }
        }
        for (continuation, started) in resumptions {
            continuation.resume(with: result.map { SingleFlightResult(value: $0, joined: !started) })
        }
    }

    private func cancel(_ waiter: WaiterID) {
        let (continuation, call) = state.withLock {
            state -> (CheckedContinuation<SingleFlightResult<Value>, any Error>?, Task<Void, Never>?) in
            switch state.slots[waiter] {
            case .registered:
                state.slots[waiter] = .cancelledEarly
                return (nil, nil)
            case .waiting(let key, let continuation, _):
                state.slots[waiter] = nil
                switch state.machine.waiterCancelled(waiter, key: key) {
                case .resumeCancelled, .none:
                    return (continuation, nil)
                case .resumeCancelledAndCancelCall(_, let flight):
                    return (continuation, state.calls.removeValue(forKey: flight))
                }
            case .cancelledEarly, nil:
                return (nil, nil)
            }
        }
        continuation?.resume(throwing: CancellationError())
        call?.cancel()
    }
}
