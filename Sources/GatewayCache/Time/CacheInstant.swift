/// A wall-clock instant in milliseconds since 1970, as cached answers carry it: Redis TTLs
/// and the SQLite snapshot outlive the process, so expiry cannot use a monotonic clock.
public struct CacheInstant: Sendable, Hashable, Comparable, Codable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSince1970: Int64

    /// The instant `milliseconds` after 1970-01-01T00:00:00Z.
    public init(millisecondsSince1970 milliseconds: Int64) {
        self.millisecondsSince1970 = milliseconds
    }

    /// Earlier instants sort first.
    public static func < (lhs: CacheInstant, rhs: CacheInstant) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// This instant moved by `duration` (whole milliseconds, rounded down).
    public static func + (lhs: CacheInstant, rhs: Duration) -> CacheInstant {
        CacheInstant(millisecondsSince1970: lhs.millisecondsSince1970 + rhs.wholeMilliseconds)
    }

    /// The time from `rhs` to `lhs` (negative when `lhs` is earlier).
    public static func - (lhs: CacheInstant, rhs: CacheInstant) -> Duration {
        .milliseconds(lhs.millisecondsSince1970 - rhs.millisecondsSince1970)
    }
}

/// Where the cache reads the wall clock. Injected so that decisions never read time
/// themselves and tests can move time by hand.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> CacheInstant
}

extension Duration {
    /// This duration in whole milliseconds, rounded toward zero.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
