import Foundation

/// The machine's wall clock (`Date()`), for production use.
public struct SystemWallClock: WallClock {
    /// A clock reading the system time.
    public init() {}

    /// The current system time in milliseconds since 1970.
    public func now() -> CacheInstant {
        CacheInstant(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
