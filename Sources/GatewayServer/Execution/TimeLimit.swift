/// The time limit given to ``withTimeLimit(until:_:)`` passed first.
struct TimeLimitExceeded: Error {}

/// Runs `operation`, cancelling it and throwing ``TimeLimitExceeded`` if `deadline`
/// passes first. Cancellation of the caller cancels the operation too.
func withTimeLimit<T: Sendable>(
    until deadline: ContinuousClock.Instant,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(until: deadline, clock: .continuous)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw TimeLimitExceeded()
        }
        return value
    }
}

/// Moves a value that is not `Sendable` from one task to another, for hand-offs where
/// exactly one task uses it at a time (an upstream stream iterator going from the
/// request handler to the response body writer).
struct HandOff<Value>: @unchecked Sendable {
    var value: Value
}
