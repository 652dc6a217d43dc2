import YAMLConfig

/// The `tenants:` and `operator:` sections (SPEC §3.2).
extension PolicyLoader {
    /// `tenants: {NAME: {key_env | key_file, aliases, requests_per_minute, tokens_per_minute,
    /// max_in_flight, cache_namespace}}`.
    static func parseTenants(_ node: YAMLNode, aliases: [AliasConfig]) throws(ConfigError) -> [TenantConfig] {
        var map = try node.map()
        var tenants: [TenantConfig] = []
        for (name, tenantNode) in map.all() {
            guard isNamespaceName(name) else {
                throw tenantNode.error("tenant names are 1 to 64 letters, digits, '-', '_' or '.'")
            }
            var tenantMap = try tenantNode.map()
            var tenant = TenantConfig(name: name, keySource: try keySource(&tenantMap, of: tenantNode))
            if let value = tenantMap.optional("aliases") {
                tenant.aliases = try value.strings()
                for alias in tenant.aliases where !aliases.contains(where: { $0.name == alias }) {
                    throw value.error("unknown alias '\(alias)' (known: \(aliases.map(\.name).joined(separator: ", ")))")
                }
            }
            if let value = tenantMap.optional("requests_per_minute") { tenant.requestsPerMinute = try positiveInt(value) }
            if let value = tenantMap.optional("tokens_per_minute") { tenant.tokensPerMinute = try positiveInt(value) }
            if let value = tenantMap.optional("max_in_flight") { tenant.maxInFlight = try positiveInt(value) }
            if let value = tenantMap.optional("cache_namespace") {
                let namespace = try value.string()
                guard isNamespaceName(namespace) else { throw value.error("must be 1 to 64 letters, digits, '-', '_' or '.'") }
                tenant.cacheNamespace = namespace
            }
            try tenantMap.finish()
            tenants.append(tenant)
        }
        guard !tenants.isEmpty else { throw node.error("list at least one tenant, or leave `tenants:` out for open mode") }
        return tenants
    }

    /// `operator: {key_env | key_file}`.
    static func parseOperator(_ node: YAMLNode) throws(ConfigError) -> OperatorConfig {
        var map = try node.map()
        let source = try keySource(&map, of: node)
        try map.finish()
        return OperatorConfig(keySource: source)
    }

    /// `key_env: VARIABLE` or `key_file: PATH` (exactly one): never the key itself.
    private static func keySource(_ map: inout YAMLMap, of node: YAMLNode) throws(ConfigError) -> TenantConfig.KeySource {
        switch (map.optional("key_env"), map.optional("key_file")) {
        case (let env?, nil):
            let variable = try env.string()
            guard isEnvironmentVariableName(variable) else {
                // Never echo the value: it may be a pasted key.
                throw env.error("must name an environment variable (e.g. TENANT_SALES_EU_KEY), not hold a key")
            }
            return .environment(variable)
        case (nil, let file?):
            let path = try file.string()
            guard !path.isEmpty else { throw file.error("must be a file path") }
            return .file(path)
        case (.some, .some):
            throw node.error("give either key_env or key_file, not both")
        case (nil, nil):
            throw node.error("key_env (an environment variable) or key_file (a file outside the repository) is required")
        }
    }

    static func isNamespaceName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
