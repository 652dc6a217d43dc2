/// Where a bucket's index training (``IVFTraining``, up to about a second of CPU at 100k
/// entries) runs: never under the bucket's lock, and in a server not on the thread of the
/// request whose insert made it due. The gateway passes a blocking-work pool; tests and
/// benchmarks run it inline, after the lock is released.
public struct IndexTrainer: Sendable {
    /// Runs `work` now or later, on some thread.
    public let submit: @Sendable (_ work: @escaping @Sendable () -> Void) -> Void

    public init(submit: @escaping @Sendable (_ work: @escaping @Sendable () -> Void) -> Void) {
        self.submit = submit
    }

    /// On the inserting thread, once its lock is released.
    public static let inline = IndexTrainer { work in work() }
}
