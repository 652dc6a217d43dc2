import Locking

/// The trace of one request, written by the executor and read by the handler even when
/// execution throws or is cancelled.
final class TraceRecorder: Sendable {
    private let trace = Locked(ExecutionTrace())

    func update(_ change: (inout ExecutionTrace) -> Void) {
        trace.withLock { change(&$0) }
    }

    var value: ExecutionTrace {
        trace.withLock { $0 }
    }
}
