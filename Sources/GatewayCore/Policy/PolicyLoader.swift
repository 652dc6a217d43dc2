import YAMLConfig

/// Reads and validates `gateway.yaml`. Every error names the file, line and field.
public enum PolicyLoader {
    /// Parses a policy from YAML text; `file` is used in error messages.
    public static func parse(yaml: String, file: String) throws(ConfigError) -> Policy {
        let root = try YAMLNode.parse(yaml: yaml, file: file)
        var map = try root.map()
        let server = try map.optional("server").map(parseServer) ?? ServerSettings()
        let simulatorProfile = try map.optional("simulator").map(parseSimulator) ?? "default"
        let providersNode = try map.required("providers")
        var providersMap = try providersNode.map()
        var providers: [ProviderConfig] = []
        for (name, node) in providersMap.all() {
            providers.append(try parseProvider(name: name, node: node))
        }
        guard !providers.isEmpty else { throw providersNode.error("at least one provider is required") }
        let aliasesNode = try map.required("models")
        var aliasesMap = try aliasesNode.map()
        var aliases: [AliasConfig] = []
        for (name, node) in aliasesMap.all() {
            aliases.append(try parseAlias(name: name, node: node, providers: providers))
        }
        guard !aliases.isEmpty else { throw aliasesNode.error("at least one model alias is required") }
        let cacheNode = map.optional("cache")
        let cache = try cacheNode.map(parseCache) ?? CacheSettings()
        let tenants = try map.optional("tenants").map { node throws(ConfigError) in try parseTenants(node, aliases: aliases) } ?? []
        let operatorAccess = try map.optional("operator").map(parseOperator)
        let embeddings = try map.optional("embeddings").map { node throws(ConfigError) in try parseEmbeddings(node, aliases: aliases, providers: providers) } ?? []
        if cache.embedder.kind == .upstream, let name = cache.embedder.model, let cacheNode {
            guard embeddings.contains(where: { $0.name == name && $0.backend == .provider }) else {
                throw cacheNode.error("cache.embedder.model '\(name)' must be an `embeddings:` entry with `provider:`")
            }
        }
        try map.finish()
        return Policy(
            server: server, simulatorProfile: simulatorProfile, providers: providers, aliases: aliases, cache: cache,
            tenants: tenants, operatorAccess: operatorAccess, embeddings: embeddings)
    }

    /// `embeddings: {NAME: {embedder: local}}`, `{NAME: {provider: P, model: ID}}` or
    /// `{NAME: {routes: [{provider: P, model: ID}, ...]}}` (each P an OpenAI,
    /// OpenAI-compatible or Gemini provider); a name may not also be a chat alias.
    private static func parseEmbeddings(
        _ node: YAMLNode, aliases: [AliasConfig], providers: [ProviderConfig]
    ) throws(ConfigError) -> [EmbeddingModelConfig] {
        var models: [EmbeddingModelConfig] = []
        var map = try node.map()
        for (name, modelNode) in map.all() {
            guard !aliases.contains(where: { $0.name == name }) else {
                throw modelNode.error("'\(name)' is already a chat model under `models`")
            }
            var modelMap = try modelNode.map()
            let providerNode = modelMap.optional("provider")
            let routesNode = modelMap.optional("routes")
            let source: (routes: [Route], node: YAMLNode)?
            switch (providerNode, routesNode) {
            case (let providerNode?, _?):
                throw providerNode.error("set either `provider:` and `model:` or `routes:`, not both")
            case (nil, let routesNode?):
                source = (try parseRoutes(routesNode, providers: providers), routesNode)
            case (let providerNode?, nil):
                let providerName = try providerNode.string()
                guard providers.contains(where: { $0.name == providerName }) else {
                    throw providerNode.error("'\(providerName)' is not a provider under `providers`")
                }
                source = ([Route(provider: providerName, model: try modelMap.required("model").string())], providerNode)
            case (nil, nil):
                source = nil
            }
            if let source {
                let (routes, routesSource) = (source.routes, source.node)
                for route in routes {
                    guard let provider = providers.first(where: { $0.name == route.provider }),
                        EmbeddingModelConfig.embeddingKinds.contains(provider.kind)
                    else {
                        let kind = providers.first { $0.name == route.provider }?.kind.rawValue ?? "unknown"
                        throw routesSource.error(
                            "'\(route.provider)' is a \(kind) provider, which has no embeddings API (use openai, openai_compatible or gemini)")
                    }
                }
                try modelMap.finish()
                models.append(EmbeddingModelConfig(name: name, backend: .provider, routes: routes))
                continue
            }
            let backend = try oneOf(try modelMap.required("embedder"), EmbeddingModelConfig.Backend.self)
            guard backend == .local else {
                throw modelNode.error("embedder 'provider' needs no `embedder:` key: set `provider:` and `model:`")
            }
            try modelMap.finish()
            models.append(EmbeddingModelConfig(name: name, backend: backend))
        }
        return models
    }

    private static func parseServer(_ node: YAMLNode) throws(ConfigError) -> ServerSettings {
        var map = try node.map()
        var settings = ServerSettings()
        if let value = map.optional("max_body_bytes") { settings.maxBodyBytes = try positiveInt(value) }
        if let value = map.optional("max_json_depth") { settings.maxJSONDepth = try positiveInt(value) }
        if let value = map.optional("default_timeout_ms") { settings.defaultTimeout = try milliseconds(value) }
        if let value = map.optional("max_timeout_ms") { settings.maxTimeout = try milliseconds(value) }
        if let value = map.optional("head_timeout_ms") { settings.headTimeout = try milliseconds(value) }
        if let value = map.optional("body_timeout_ms") { settings.bodyTimeout = try milliseconds(value) }
        if let value = map.optional("idle_timeout_ms") { settings.idleTimeout = try milliseconds(value) }
        if let value = map.optional("max_connections") { settings.maxConnections = try positiveInt(value) }
        try map.finish()
        return settings
    }

    private static func parseSimulator(_ node: YAMLNode) throws(ConfigError) -> String {
        var map = try node.map()
        let profile = try map.optional("profile")?.string() ?? "default"
        try map.finish()
        return profile
    }

    private static func parseProvider(name: String, node: YAMLNode) throws(ConfigError) -> ProviderConfig {
        var map = try node.map()
        let kindNode = try map.required("kind")
        let kind = try oneOf(kindNode, ProviderKind.self)
        let baseURLNode = try map.required("base_url")
        let baseURL = try baseURLNode.string()
        let endpoint: ProviderEndpoint
        if baseURL == "sim" {
            endpoint = .builtinSimulator
        } else if baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") {
            endpoint = .url(baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)
        } else {
            throw baseURLNode.error("must be an http:// or https:// URL, or `sim` for the built-in simulator")
        }
        var config = ProviderConfig(name: name, kind: kind, endpoint: endpoint)
        if let keyNode = map.optional("key_env") {
            let variable = try keyNode.string()
            guard isEnvironmentVariableName(variable) else {
                // Never echo the value: it may be a pasted key.
                throw keyNode.error("must name an environment variable (e.g. OPENAI_API_KEY), not hold a key")
            }
            config.keyEnv = variable
        }
        if let value = map.optional("when_key_missing") { config.whenKeyMissing = try oneOf(value, MissingKeyAction.self) }
        if let value = map.optional("max_in_flight") { config.limits.maxInFlight = try positiveInt(value) }
        if let value = map.optional("max_queue") { config.limits.maxQueue = try nonNegativeInt(value) }
        if let value = map.optional("first_token_timeout_ms") { config.firstTokenTimeout = try milliseconds(value) }
        if let value = map.optional("forward_headers") {
            config.forwardHeaders = try value.strings().map { $0.lowercased() }
        }
        if let value = map.optional("ca_file") {
            guard baseURL.hasPrefix("https://") else {
                throw value.error("needs an https:// base_url: a CA file is only used to verify TLS")
            }
            let path = try value.string()
            guard !path.isEmpty else { throw value.error("must name a PEM file") }
            config.caFile = path
        }
        if let value = map.optional("retry") { config.retry = try parseRetry(value) }
        if let value = map.optional("breaker") { config.breaker = try parseBreaker(value) }
        try map.finish()
        return config
    }

    private static func parseRetry(_ node: YAMLNode) throws(ConfigError) -> RetryPolicy {
        var map = try node.map()
        var policy = RetryPolicy()
        if let value = map.optional("max_attempts") { policy.maxAttempts = try positiveInt(value) }
        if let value = map.optional("base_delay_ms") { policy.baseDelay = try milliseconds(value, allowZero: true) }
        if let value = map.optional("max_delay_ms") { policy.maxDelay = try milliseconds(value, allowZero: true) }
        try map.finish()
        return policy
    }

    private static func parseBreaker(_ node: YAMLNode) throws(ConfigError) -> CircuitBreakerConfig {
        var map = try node.map()
        var config = CircuitBreakerConfig()
        if let value = map.optional("window_ms") { config.window = try milliseconds(value) }
        if let value = map.optional("min_requests") { config.minimumRequests = try positiveInt(value) }
        if let value = map.optional("failure_rate") {
            let rate = try value.double()
            guard rate > 0, rate <= 1 else { throw value.error("must be in (0, 1]") }
            config.failureRateThreshold = rate
        }
        if let value = map.optional("open_ms") { config.openDuration = try milliseconds(value) }
        if let value = map.optional("half_open_probes") { config.halfOpenProbes = try positiveInt(value) }
        if let value = map.optional("successes_to_close") { config.successesToClose = try positiveInt(value) }
        if let value = map.optional("consecutive_failures") { config.consecutiveFailures = try nonNegativeInt(value) }
        try map.finish()
        return config
    }

    private static func parseAlias(name: String, node: YAMLNode, providers: [ProviderConfig]) throws(ConfigError) -> AliasConfig {
        var map = try node.map()
        let strategyNode = try map.required("strategy")
        let strategy = try oneOf(strategyNode, Strategy.self)
        var alias = AliasConfig(name: name, strategy: strategy, routes: [])
        if strategy == .tier {
            if let routes = map.optional("routes") {
                throw routes.error("strategy `tier` takes its routes per tier, under `tiers`")
            }
            let tiersNode = try map.required("tiers")
            alias.tiers = try parseTiers(tiersNode, providers: providers)
            for tier in alias.tiers {
                for route in tier.routes where !alias.routes.contains(route) { alias.routes.append(route) }
            }
        } else {
            let routesNode = try map.required("routes")
            alias.routes = try parseRoutes(routesNode, providers: providers)
            switch strategy {
            case .single where alias.routes.count != 1:
                throw routesNode.error("strategy `single` takes exactly one route (use `fallback` for several)")
            case .race where alias.routes.count < 2, .hedge where alias.routes.count < 2:
                throw routesNode.error("strategy `\(strategy.rawValue)` needs at least two routes")
            default:
                break
            }
        }
        if let value = map.optional("hedge") {
            guard strategy == .hedge else { throw value.error("`hedge` settings apply to strategy `hedge` only") }
            alias.hedge = try parseHedge(value)
        }
        if let value = map.optional("timeout_ms") { alias.timeout = try milliseconds(value) }
        if let value = map.optional("first_token_timeout_ms") { alias.firstTokenTimeout = try milliseconds(value) }
        if let value = map.optional("cache") { alias.cache = try parseAliasCache(value) }
        try map.finish()
        return alias
    }

    private static func parseRoutes(_ node: YAMLNode, providers: [ProviderConfig]) throws(ConfigError) -> [Route] {
        var routes: [Route] = []
        for item in try node.list() {
            var routeMap = try item.map()
            let providerNode = try routeMap.required("provider")
            let providerName = try providerNode.string()
            guard providers.contains(where: { $0.name == providerName }) else {
                let known = providers.map(\.name).joined(separator: ", ")
                throw providerNode.error("unknown provider '\(providerName)' (known: \(known))")
            }
            let model = try routeMap.required("model").string()
            try routeMap.finish()
            let route = Route(provider: providerName, model: model)
            guard !routes.contains(route) else { throw item.error("route \(providerName)/\(model) is listed twice") }
            routes.append(route)
        }
        guard !routes.isEmpty else { throw node.error("at least one route is required") }
        return routes
    }

    private static func parseHedge(_ node: YAMLNode) throws(ConfigError) -> HedgeConfig {
        var map = try node.map()
        var config = HedgeConfig()
        if let value = map.optional("percentile") { config.percentile = try value.double(in: 50...99.9) }
        if let value = map.optional("floor_ms") { config.floor = try milliseconds(value, allowZero: true) }
        if let value = map.optional("ceiling_ms") { config.ceiling = try milliseconds(value) }
        if let value = map.optional("initial_delay_ms") { config.initialDelay = try milliseconds(value, allowZero: true) }
        if let value = map.optional("min_samples") { config.minimumSamples = try positiveInt(value) }
        if let value = map.optional("max_extra_ratio") { config.maxExtraRatio = try value.double(in: 0...1) }
        if let value = map.optional("window_ms") { config.window = try milliseconds(value) }
        if config.floor > config.ceiling, let value = map.optional("floor_ms") ?? map.optional("ceiling_ms") {
            throw value.error("floor_ms must not exceed ceiling_ms")
        }
        try map.finish()
        return config
    }

    private static func parseTiers(_ node: YAMLNode, providers: [ProviderConfig]) throws(ConfigError) -> [TierConfig] {
        var tiers: [TierConfig] = []
        let items = try node.list()
        for (index, item) in items.enumerated() {
            var map = try item.map()
            let nameNode = try map.required("name")
            let name = try nameNode.string()
            guard !tiers.contains(where: { $0.name == name }) else { throw nameNode.error("tier '\(name)' is defined twice") }
            var tier = TierConfig(name: name, routes: try parseRoutes(try map.required("routes"), providers: providers))
            if let value = map.optional("max_chars") { tier.maxChars = try nonNegativeInt(value) }
            if let value = map.optional("max_context_chars") { tier.maxContextChars = try nonNegativeInt(value) }
            if let value = map.optional("max_messages") { tier.maxMessages = try positiveInt(value) }
            if let value = map.optional("max_questions") { tier.maxQuestions = try nonNegativeInt(value) }
            try map.finish()
            if index == items.count - 1, !tier.acceptsEverything {
                throw item.error("the last tier takes every request that no earlier tier took: give it no max_* thresholds")
            }
            tiers.append(tier)
        }
        guard tiers.count >= 2 else { throw node.error("strategy `tier` needs at least two tiers") }
        return tiers
    }

    // MARK: - Scalars

    static func oneOf<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _: T.Type) throws(ConfigError) -> T
    where T.RawValue == String {
        let raw = try node.string()
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw node.error("'\(raw)' is not one of: \(allowed)")
        }
        return value
    }

    static func positiveInt(_ node: YAMLNode) throws(ConfigError) -> Int {
        let value = try node.int()
        guard value > 0 else { throw node.error("must be greater than 0") }
        return value
    }

    static func nonNegativeInt(_ node: YAMLNode) throws(ConfigError) -> Int {
        let value = try node.int()
        guard value >= 0 else { throw node.error("must not be negative") }
        return value
    }

    static func milliseconds(_ node: YAMLNode, allowZero: Bool = false) throws(ConfigError) -> Duration {
        let value = try node.int()
        guard value > 0 || (allowZero && value == 0) else {
            throw node.error(allowZero ? "must not be negative" : "must be greater than 0")
        }
        return .milliseconds(value)
    }

    static func isEnvironmentVariableName(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first == "_" || (first >= "A" && first <= "Z") else {
            return false
        }
        return value.unicodeScalars.allSatisfy { $0 == "_" || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }
    }
}
