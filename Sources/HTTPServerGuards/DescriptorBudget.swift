#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's open-file limit, and how many client connections fit under it.
///
/// At the limit every `open`, `socket` and `accept` fails; on Linux libdispatch's worker
/// monitor then traps (it cannot read `/proc`), which is how the gateway crashed with
/// SIGILL (issue 8, finding 3). Keeping the connection cap below the limit prevents it.
public enum DescriptorBudget {
    /// Raises the soft `RLIMIT_NOFILE` to the hard limit (as Go and nginx do); returns the
    /// soft limit in force afterwards, or nil where it cannot be read.
    @discardableResult
    public static func raiseSoftLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resourceNoFile, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur >= rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }

    /// The soft limit now in force, or nil.
    public static func softLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return nil }
        return limit.rlim_cur >= rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }

    /// The connection cap: `limits.maxConnections`, lowered to stay `descriptorReserve`
    /// below `softLimit` (never below 1).
    public static func connectionCapacity(limits: ServerLimits, softLimit: Int?) -> Int {
        guard let softLimit else { return limits.maxConnections }
        return max(1, min(limits.maxConnections, softLimit - limits.descriptorReserve))
    }

    #if canImport(Glibc)
    private static let resourceNoFile = __rlimit_resource_t(UInt32(RLIMIT_NOFILE.rawValue))
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
