import Foundation

/// Runs CPU-bound synchronous work on a thread of its own and awaits its result.
///
/// The test process has as many cooperative threads as cores (two in CI). A synchronous test
/// that computes for seconds holds one of them; two at once stall every async test in the
/// process, and loopback tests then see timers fire long after the events they guard. Heavy
/// tests compute here and assert on the result back in their task (`#expect` belongs to the
/// test's task, not to this thread).
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
