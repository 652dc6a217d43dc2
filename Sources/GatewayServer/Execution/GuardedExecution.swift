import GatewayCore
import NIOCore
import Synchronization

/// Runs a request's execution in one task that is cancelled when the request's deadline
/// passes or its client disconnects. The deadline is a timer on the connection's event
/// loop, not a sleeping task: a request costs one extra task, not three.
enum GuardedExecution {
    static func run<T: Sendable>(
        deadline: ContinuousClock.Instant,
        eventLoop: any EventLoop,
        watch: ConnectionWatch?,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = Task { try await operation() }
        let expired = ExpiryFlag()
        let timer = eventLoop.scheduleTask(deadline: NIODeadline(deadline)) {
            expired.set()
            task.cancel()
        }
        watch?.onClose { task.cancel() }
        defer {
            timer.cancel()
            watch?.clearHook()
        }
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch where expired.isSet {
            throw TimeLimitExceeded()
        }
    }
}

/// Set once, by the deadline timer.
private final class ExpiryFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
