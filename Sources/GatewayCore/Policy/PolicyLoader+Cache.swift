import YAMLConfig

/// The `cache:` sections: the stores at the top level, and what each alias caches.
extension PolicyLoader {
    /// `cache: {memory: {max_bytes}, redis: {url_env, timeout_ms}, snapshot: {path, interval_s},
    /// embedder: {kind, model, dimension, batch, timeout_ms}, semantic_index: {…}}` (``parseSemanticIndex(_:)``).
    static func parseCache(_ node: YAMLNode) throws(ConfigError) -> CacheSettings {
        var map = try node.map()
        var settings = CacheSettings()
        if let memory = map.optional("memory") {
            var memoryMap = try memory.map()
            if let value = memoryMap.optional("max_bytes") { settings.memoryMaxBytes = try positiveInt(value) }
            try memoryMap.finish()
        }
        if let redis = map.optional("redis") {
            var redisMap = try redis.map()
            var config = RedisCacheSettings()
            if let value = redisMap.optional("url_env") {
                let variable = try value.string()
                guard isEnvironmentVariableName(variable) else {
                    throw value.error("must name an environment variable (e.g. REDIS_URL), not hold a URL")
                }
                config.urlEnv = variable
            }
            if let value = redisMap.optional("timeout_ms") { config.timeout = try milliseconds(value) }
            try redisMap.finish()
            settings.redis = config
        }
        if let snapshot = map.optional("snapshot") {
            var snapshotMap = try snapshot.map()
            let pathNode = try snapshotMap.required("path")
            let path = try pathNode.string()
            guard !path.isEmpty else { throw pathNode.error("must be a file path") }
            var config = CacheSnapshotSettings(path: path)
            if let value = snapshotMap.optional("interval_s") { config.interval = .seconds(try positiveInt(value)) }
            try snapshotMap.finish()
            settings.snapshot = config
        }
        if let embedder = map.optional("embedder") {
            var embedderMap = try embedder.map()
            if let value = embedderMap.optional("kind") { settings.embedder.kind = try oneOf(value, EmbedderSettings.Kind.self) }
            let modelNode = embedderMap.optional("model")
            if let modelNode { settings.embedder.model = try modelNode.string() }
            if let value = embedderMap.optional("dimension") {
                settings.embedder.dimension = try positiveInt(value)
                guard settings.embedder.dimension <= 8192 else { throw value.error("must be at most 8192") }
            }
            if let value = embedderMap.optional("timeout_ms") { settings.embedder.timeout = try milliseconds(value) }
            if let batch = embedderMap.optional("batch") {
                var batchMap = try batch.map()
                if let value = batchMap.optional("max_inputs") {
                    settings.embedder.batch.maxInputs = try positiveInt(value)
                    guard settings.embedder.batch.maxInputs <= 2048 else { throw value.error("must be at most 2048") }
                }
                if let value = batchMap.optional("max_wait_ms") { settings.embedder.batch.maxWait = try milliseconds(value, allowZero: true) }
                try batchMap.finish()
            }
            switch settings.embedder.kind {
            case .upstream where settings.embedder.model == nil:
                throw embedder.error("kind: upstream needs 'model': an embeddings: entry with a provider")
            case .static where modelNode != nil:
                throw modelNode!.error("only kind: upstream takes a model")
            default: break
            }
            try embedderMap.finish()
        }
        if let index = map.optional("semantic_index") { settings.semanticIndex = try parseSemanticIndex(index) }
        try map.finish()
        return settings
    }

    /// `cache: {exact, semantic: {threshold}, ttl_s, allow_temperature}` of one alias.
    static func parseAliasCache(_ node: YAMLNode) throws(ConfigError) -> AliasCachePolicy {
        var map = try node.map()
        var policy = AliasCachePolicy()
        if let value = map.optional("exact") { policy.exact = try value.bool() }
        if let semantic = map.optional("semantic") {
            var semanticMap = try semantic.map()
            // The default is GatewayCache's `SemanticDefaults.threshold`, calibrated for the
            // bundled embedder on Tests/Fixtures/semantic-pairs.jsonl (a test keeps them equal).
            policy.semanticThreshold = try semanticMap.optional("threshold")?.double(in: 0.5...1) ?? 0.92
            try semanticMap.finish()
        }
        if let value = map.optional("ttl_s") { policy.ttl = .seconds(try positiveInt(value)) }
        if let value = map.optional("allow_temperature") { policy.allowTemperature = try value.bool() }
        try map.finish()
        return policy
    }
}
