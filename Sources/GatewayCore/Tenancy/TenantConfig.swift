/// One agent (tenant) allowed to use the gateway (policy `tenants:`, SPEC §3.2). The key
/// itself never appears in the policy: `key_env` names an environment variable, `key_file`
/// a file outside the repository.
public struct TenantConfig: Sendable, Hashable {
    public var name: String
    /// Where the tenant's key is read from at start.
    public var keySource: KeySource
    /// Aliases the tenant may call; empty means every alias.
    public var aliases: [String]
    /// Requests admitted per minute (sliding window); nil means no limit.
    public var requestsPerMinute: Int?
    /// Tokens (prompt estimate, then actual usage) per minute; nil means no limit.
    public var tokensPerMinute: Int?
    /// Requests of this tenant in flight at once; nil means no limit.
    public var maxInFlight: Int?
    /// The cache namespace its answers are stored under (tenants never share entries
    /// unless they name the same namespace).
    public var cacheNamespace: String

    /// Where a key comes from.
    public enum KeySource: Sendable, Hashable {
        case environment(String)
        case file(String)
    }

    public init(
        name: String, keySource: KeySource, aliases: [String] = [], requestsPerMinute: Int? = nil,
        tokensPerMinute: Int? = nil, maxInFlight: Int? = nil, cacheNamespace: String? = nil
    ) {
        self.name = name
        self.keySource = keySource
        self.aliases = aliases
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.maxInFlight = maxInFlight
        self.cacheNamespace = cacheNamespace ?? name
    }

    /// Whether the tenant may call `alias`.
    public func allows(alias: String) -> Bool {
        aliases.isEmpty || aliases.contains(alias)
    }
}

/// Who may operate the gateway once tenants exist (`DELETE /v1/cache`, `/console`):
/// policy `operator: {key_env}` or `{key_file}`.
public struct OperatorConfig: Sendable, Hashable {
    public var keySource: TenantConfig.KeySource

    public init(keySource: TenantConfig.KeySource) {
        self.keySource = keySource
    }
}
