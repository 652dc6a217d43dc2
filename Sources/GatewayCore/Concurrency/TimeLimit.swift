/// The time limit given to ``withTimeLimit(until:_:)`` passed first.
public struct TimeLimitExceeded: Error, Sendable {
    public init() {}
}

/// Runs `operation`, cancelling it and throwing ``TimeLimitExceeded`` if `deadline`
/// passes first. Cancellation of the caller cancels the operation too.
public func withTimeLimit<T: Sendable>(
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
