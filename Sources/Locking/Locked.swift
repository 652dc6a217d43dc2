#if TSAN_VISIBLE_LOCKS
import NIOConcurrencyHelpers
#else
import Synchronization
#endif

/// A value only reachable while holding its lock: the project's one lock type.
///
/// Normally a `Synchronization.Mutex`, stored inline. ThreadSanitizer cannot see that
/// mutex (the standard library takes it with futex calls TSan does not intercept, so two
/// accesses inside the same `withLock` are reported as a race — `scripts/tsan-mutex-repro.swift`),
/// so a build for TSan (`scripts/sanitizers.sh thread` sets `TSAN_VISIBLE_LOCKS=1`, which
/// Package.swift turns into a define on this target alone) takes a pthread mutex instead
/// (`NIOLock`), which TSan understands. Same API, same semantics.
public struct Locked<Value>: ~Copyable, @unchecked Sendable {
    #if TSAN_VISIBLE_LOCKS
    private final class Storage: @unchecked Sendable {
        let lock = NIOLock()
        var value: Value
        init(_ value: Value) { self.value = value }
    }
    private let storage: Storage

    public init(_ initialValue: consuming sending Value) {
        storage = Storage(initialValue)
    }

    public borrowing func withLock<Result, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        return try body(&storage.value)
    }
    #else
    @usableFromInline let mutex: Mutex<Value>

    public init(_ initialValue: consuming sending Value) {
        mutex = Mutex(initialValue)
    }

    @inlinable
    public borrowing func withLock<Result, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        try mutex.withLock(body)
    }
    #endif
}
