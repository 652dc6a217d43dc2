/// The memory tier's size at one fill level: the store's own byte accounting and the
/// gateway's resident memory, per entry. Pure.
public struct CacheFootprint: Sendable, Hashable, Codable {
    /// Entries the memory store holds (`gateway_cache_entries{store="memory"}`).
    public var entries: Int
    /// The store's accounted bytes (`gateway_cache_bytes{store="memory"}`).
    public var accountedBytes: Int
    public var accountedBytesPerEntry: Double
    /// The gateway's `VmRSS`.
    public var rssBytes: Int
    /// RSS growth per entry added since the fill began; nil when no entry was added.
    public var rssBytesPerEntry: Double?

    /// The footprint now, RSS growth counted from `start` (taken before the fill).
    public init(counters: GatewayCacheCounters, process: ProcessSample, start: (entries: Double, rssBytes: Int)) {
        entries = Int(counters.memoryEntries)
        accountedBytes = Int(counters.memoryBytes)
        accountedBytesPerEntry = counters.memoryEntries > 0 ? counters.memoryBytes / counters.memoryEntries : 0
        rssBytes = process.rssBytes
        let added = counters.memoryEntries - start.entries
        rssBytesPerEntry = added > 0 ? Double(process.rssBytes - start.rssBytes) / added : nil
    }

    private enum CodingKeys: String, CodingKey {
        case entries
        case accountedBytes = "accounted_bytes"
        case accountedBytesPerEntry = "accounted_bytes_per_entry"
        case rssBytes = "rss_bytes"
        case rssBytesPerEntry = "rss_delta_bytes_per_entry"
    }
}

/// A latency goal of SPEC §6 read off the rows: a row's p99, or the difference between two
/// rows' p99 (what Redis being down adds), against a limit in ms.
public struct CacheTarget: Sendable, Hashable, Codable {
    public var name: String
    public var row: String
    /// Subtract this row's p99 (nil: the row's own p99 is the measure).
    public var minus: String?
    public var limitMs: Double

    public init(name: String, row: String, minus: String? = nil, limitMs: Double) {
        self.name = name
        self.row = row
        self.minus = minus
        self.limitMs = limitMs
    }

    /// The measure in `rows` and whether it is within the limit; nil when a row is missing
    /// or has no successful request.
    public func check(_ rows: [CachePhaseResult]) -> CacheTargetCheck? {
        guard let measured = rows.first(where: { $0.name == row && $0.requests > 0 }) else { return nil }
        var value = measured.latencyMs.p99
        if let minus {
            guard let other = rows.first(where: { $0.name == minus && $0.requests > 0 }) else { return nil }
            value -= other.latencyMs.p99
        }
        return CacheTargetCheck(target: self, measuredMs: value, met: value <= limitMs && measured.errors == 0)
    }
}

/// A target and what the run measured for it.
public struct CacheTargetCheck: Sendable, Hashable, Codable {
    public var target: CacheTarget
    public var measuredMs: Double
    /// Within the limit, with no failed request in the row.
    public var met: Bool

    private enum CodingKeys: String, CodingKey {
        case target
        case measuredMs = "measured_ms"
        case met
    }
}
