import Locking

/// One command waiting for a worker thread, and the caller waiting for its reply. Completed
/// exactly once, by whichever comes first in real time: the worker with the reply, the
/// caller's timer at the deadline, or the caller's cancellation; the worker skips a job
/// already done.
final class RedisJob: Sendable {
    private enum State {
        case created
        case waiting(CheckedContinuation<RedisReply, any Error>)
        /// Completed; the result is kept only until a continuation attaches.
        case done(Result<RedisReply, any Error>?)
    }

    /// The command's arguments.
    let arguments: [[UInt8]]
    /// The connection generation the caller saw; an older connection is replaced first.
    let generation: UInt64
    private let state = Locked(State.created)

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
        let earlier = state.withLock { state -> Result<RedisReply, any Error>? in
            switch state {
            case .created:
                state = .waiting(continuation)
                return nil
            case .done(let result):
                state = .done(nil)
                return result ?? .failure(CancellationError())
            case .waiting:
                return .failure(CancellationError())
            }
        }
        if let earlier { continuation.resume(with: earlier) }
    }

    /// Completes the job; later calls do nothing.
    func complete(_ result: Result<RedisReply, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<RedisReply, any Error>? in
            switch state {
            case .created:
                state = .done(result)
                return nil
            case .waiting(let continuation):
                state = .done(nil)
                return continuation
            case .done:
                return nil
            }
        }
        continuation?.resume(with: result)
    }
}
