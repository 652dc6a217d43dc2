/// The gateway's cache metrics at one scrape of `GET /metrics` (SPEC §3.1 names): lookups by
/// tier and outcome, and the memory store's own entry and byte gauges. Parsing is pure.
public struct GatewayCacheCounters: Sendable, Hashable, Codable {
    /// `gateway_cache_lookups_total` summed over aliases, keyed `tier/outcome`
    /// (`exact/hit_memory`, `exact/hit_redis`, `exact/miss`, later `semantic/…`).
    public var lookups: [String: Double]
    /// `gateway_cache_entries{store="memory"}`.
    public var memoryEntries: Double
    /// `gateway_cache_bytes{store="memory"}`: the store's byte accounting (key + encoded
    /// answer + a fixed per-entry overhead).
    public var memoryBytes: Double
    /// `gateway_cache_entries{store="semantic"}`: entries of the in-process semantic index.
    public var semanticEntries: Double

    public init(lookups: [String: Double] = [:], memoryEntries: Double = 0, memoryBytes: Double = 0, semanticEntries: Double = 0) {
        self.lookups = lookups
        self.memoryEntries = memoryEntries
        self.memoryBytes = memoryBytes
        self.semanticEntries = semanticEntries
    }

    /// The counters in a Prometheus text exposition; lines it does not know are skipped.
    public init(prometheus text: String) {
        self.init()
        for line in text.split(separator: "\n") where line.hasPrefix("gateway_cache_") {
            guard let sample = Self.sample(line) else { continue }
            switch sample.name {
            case "gateway_cache_lookups_total":
                let key = "\(sample.labels["tier"] ?? "?")/\(sample.labels["outcome"] ?? "?")"
                lookups[key, default: 0] += sample.value
            case "gateway_cache_entries" where sample.labels["store"] == "memory":
                memoryEntries = sample.value
            case "gateway_cache_entries" where sample.labels["store"] == "semantic":
                semanticEntries = sample.value
            case "gateway_cache_bytes" where sample.labels["store"] == "memory":
                memoryBytes = sample.value
            default:
                continue
            }
        }
    }

    /// Lookups since `earlier`, by `tier/outcome` (zero deltas left out).
    public func lookups(since earlier: GatewayCacheCounters) -> [String: Int] {
        var delta: [String: Int] = [:]
        for (key, value) in lookups {
            let count = Int((value - (earlier.lookups[key] ?? 0)).rounded())
            if count != 0 { delta[key] = count }
        }
        return delta
    }

    /// `name{a="x",b="y"} value` → its parts; nil when it does not parse.
    static func sample(_ line: Substring) -> (name: String, labels: [String: String], value: Double)? {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
        let series = line[..<space].trimmingCharacters(in: .whitespaces)
        guard let open = series.firstIndex(of: "{") else { return (series, [:], value) }
        guard series.hasSuffix("}") else { return nil }
        var labels: [String: String] = [:]
        let body = series[series.index(after: open)..<series.index(before: series.endIndex)]
        for pair in body.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            labels[String(parts[0]).trimmingCharacters(in: .whitespaces)] = String(parts[1].filter { $0 != "\"" })
        }
        return (String(series[..<open]), labels, value)
    }
}
