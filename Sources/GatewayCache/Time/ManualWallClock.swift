import Locking

/// A wall clock that moves only when told to, for tests and benchmarks.
public final class ManualWallClock: WallClock {
    private let current: Locked<CacheInstant>

    /// A clock standing at `start` (default: 2026-01-01T00:00:00Z).
    public init(start: CacheInstant = CacheInstant(millisecondsSince1970: 1_767_225_600_000)) {
        self.current = Locked(start)
    }

    /// The instant the clock stands at.
    public func now() -> CacheInstant { current.withLock { $0 } }

    /// Moves the clock forward by `duration`.
    public func advance(by duration: Duration) {
        current.withLock { $0 = $0 + duration }
    }
}
