#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's open-file limit (see ``DescriptorPlan`` for how it is shared).
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

    /// A plan and the limit it was made under.
    public struct Planned: Sendable {
        public let plan: DescriptorPlan
        public let softLimit: Int?
    }

    /// Raises the soft limit, then plans under it. Made once per process, before its
    /// upstream client, whose pool takes `plan.upstreamConnectionsPerHost`.
    public static func plan(limits: ServerLimits, upstream: DescriptorPlan.Upstream) -> Planned {
        let soft = raiseSoftLimit()
        return Planned(plan: DescriptorPlan(limits: limits, upstream: upstream, softLimit: soft), softLimit: soft)
    }

    #if canImport(Glibc)
    private static let resourceNoFile = __rlimit_resource_t(UInt32(RLIMIT_NOFILE.rawValue))
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
