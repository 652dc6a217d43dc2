import Synchronization

/// One command waiting for a worker thread, and the caller waiting for its reply. Completed
/// exactly once: by the worker, or earlier by the caller's cancellation (timeout or
/// disconnect), in which case the worker skips it.
final class RedisJob: Sendable {
    private enum State {
        case created
        case waiting(CheckedContinuation<RedisReply, any Error>)
        case done
    }

    /// The command's arguments.
    let arguments: [[UInt8]]
    /// The connection generation the caller saw; an older connection is replaced first.
    let generation: UInt64
    private let state = Mutex(State.created)

    init(arguments: [[UInt8]], generation: UInt64) {
        self.arguments = arguments
        self.generation = generation
    }

    /// True once completed (a worker should not run it).
    var isDone: Bool {
        state.withLock { if case .done = $0 { true } else { false } }
    }

    /// Attaches the caller's continuation; resumes it at once if the job is already done.
    func attach(_ continuation: CheckedContinuation<RedisReply, any Error>) {
        let alreadyDone = state.withLock { state -> Bool in
            guard case .created = state else { return true }
            state = .waiting(continuation)
            return false
        }
        if alreadyDone { continuation.resume(throwing: CancellationError()) }
    }

    /// Completes the job; later calls do nothing.
    func complete(_ result: Result<RedisReply, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<RedisReply, any Error>? in
            defer { state = .done }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        continuation?.resume(with: result)
    }
}
