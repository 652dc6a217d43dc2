/// The data versions of namespaces as this gateway knows them, refreshed from the shared
/// store at most every `refreshInterval` (a pure table; time passed in).
///
/// Versions only grow: an observed version lower than the known one is ignored, so a bump
/// made locally while the shared store was down is not undone when the store comes back.
public struct NamespaceVersionTable: Sendable {
    private struct Entry: Sendable {
        var version: UInt64
        var checkedAt: CacheInstant?
        var refreshing: Bool
    }

    /// How long a version read from the shared store is trusted.
    public let refreshInterval: Duration
    private var entries: [String: Entry] = [:]

    /// An empty table (every namespace at version 0, due for a refresh).
    public init(refreshInterval: Duration) {
        self.refreshInterval = refreshInterval
    }

    /// The version to use now, and whether this caller should refresh it from the shared
    /// store (true for one caller at a time, until ``observed(_:version:now:)`` or
    /// ``refreshFailed(_:)``).
    public mutating func current(_ namespace: String, now: CacheInstant) -> (version: UInt64, refresh: Bool) {
        var entry = entries[namespace] ?? Entry(version: 0, checkedAt: nil, refreshing: false)
        let stale = entry.checkedAt.map { now - $0 >= refreshInterval } ?? true
        let refresh = stale && !entry.refreshing
        if refresh { entry.refreshing = true }
        entries[namespace] = entry
        return (entry.version, refresh)
    }

    /// The shared store said `version` at `now`; returns the version now in force.
    @discardableResult
    public mutating func observed(_ namespace: String, version: UInt64, now: CacheInstant) -> UInt64 {
        let known = entries[namespace]?.version ?? 0
        let next = max(known, version)
        entries[namespace] = Entry(version: next, checkedAt: now, refreshing: false)
        return next
    }

    /// The refresh could not reach the shared store; keep the known version for now.
    public mutating func refreshFailed(_ namespace: String, now: CacheInstant) {
        entries[namespace]?.refreshing = false
        entries[namespace]?.checkedAt = now
    }

    /// Bumps the version locally (no shared store, or it is down); returns the new version.
    public mutating func bumpedLocally(_ namespace: String, now: CacheInstant) -> UInt64 {
        let next = (entries[namespace]?.version ?? 0) + 1
        entries[namespace] = Entry(version: next, checkedAt: now, refreshing: false)
        return next
    }
}
