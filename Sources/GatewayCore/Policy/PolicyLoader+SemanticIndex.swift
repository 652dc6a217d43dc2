import YAMLConfig

/// `cache.semantic_index`: how each semantic bucket searches its vectors.
extension PolicyLoader {
    /// `semantic_index: {enabled, from_entries, rows_per_list, min_lists, max_lists, probe_share, min_probe}`;
    /// absent keys keep ``BucketSearchSettings/standard``'s values.
    static func parseSemanticIndex(_ node: YAMLNode) throws(ConfigError) -> BucketSearchSettings {
        var map = try node.map()
        var settings = BucketSearchSettings.standard
        var enabled = true
        if let value = map.optional("enabled") { enabled = try value.bool() }
        if let value = map.optional("from_entries") {
            let entries = try positiveInt(value)
            guard entries >= 1_000 else { throw value.error("must be at least 1000 (below that the exact scan is faster than any index)") }
            settings.indexFrom = entries
        }
        if let value = map.optional("rows_per_list") { settings.rowsPerList = try positiveInt(value) }
        if let value = map.optional("min_lists") { settings.minLists = try positiveInt(value) }
        if let value = map.optional("max_lists") {
            let lists = try positiveInt(value)
            guard lists <= 4_096 else { throw value.error("must be at most 4096") }
            settings.maxLists = lists
        }
        if let value = map.optional("probe_share") {
            let share = try value.double(in: 0...1)
            guard share > 0 else { throw value.error("must be greater than 0") }
            settings.probeShare = share
        }
        if let value = map.optional("min_probe") { settings.minProbe = try positiveInt(value) }
        try map.finish()
        guard settings.maxLists >= settings.minLists else {
            throw node.error("max_lists (\(settings.maxLists)) must not be below min_lists (\(settings.minLists))")
        }
        if !enabled { settings.indexFrom = .max }
        return settings
    }
}
