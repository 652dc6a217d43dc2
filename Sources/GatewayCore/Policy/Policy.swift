/// The gateway's routing policy: providers, model aliases and how each alias is served.
/// Built by ``PolicyLoader`` from YAML; every value here has been validated.
public struct Policy: Sendable, Hashable {
    public var server: ServerSettings
    /// The built-in simulator profile used by providers whose base URL is `sim`
    /// (or whose key is missing and `when_key_missing: sim`).
    public var simulatorProfile: String
    /// Providers by name, in file order.
    public var providers: [ProviderConfig] { didSet { providerIndex = Self.positions(providers.map(\.name)) } }
    /// Aliases by name, in file order.
    public var aliases: [AliasConfig] { didSet { aliasIndex = Self.positions(aliases.map(\.name)) } }
    /// Where each name sits in `providers` / `aliases` (the first, should one repeat): every
    /// request looks its alias and providers up (`Benchmarks/`, "policy lookup").
    private var providerIndex: [String: Int]
    private var aliasIndex: [String: Int]
    /// The cache stores.
    public var cache: CacheSettings
    /// The agents allowed to call the gateway; empty means open mode (loopback only).
    public var tenants: [TenantConfig]
    /// Who may operate the gateway (cache invalidation, the console) once tenants exist.
    public var operatorAccess: OperatorConfig?
    /// Embedding models, by name, in file order.
    public var embeddings: [EmbeddingModelConfig]

    public init(
        server: ServerSettings, simulatorProfile: String, providers: [ProviderConfig], aliases: [AliasConfig],
        cache: CacheSettings = CacheSettings(), tenants: [TenantConfig] = [], operatorAccess: OperatorConfig? = nil,
        embeddings: [EmbeddingModelConfig] = []
    ) {
        self.server = server
        self.simulatorProfile = simulatorProfile
        self.providers = providers
        self.aliases = aliases
        self.providerIndex = Self.positions(providers.map(\.name))
        self.aliasIndex = Self.positions(aliases.map(\.name))
        self.cache = cache
        self.tenants = tenants
        self.operatorAccess = operatorAccess
        self.embeddings = embeddings
    }

    public func embeddingModel(named name: String) -> EmbeddingModelConfig? {
        embeddings.first { $0.name == name }
    }

    public func provider(named name: String) -> ProviderConfig? {
        providerIndex[name].map { providers[$0] }
    }

    public func alias(named name: String) -> AliasConfig? {
        aliasIndex[name].map { aliases[$0] }
    }

    private static func positions(_ names: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        return positions
    }
}

/// Settings that apply to the whole gateway. The connection limits (head, body and idle
/// timeouts, connection cap) are read at start; a reload does not change them.
public struct ServerSettings: Sendable, Hashable {
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// Deepest nesting of arrays and objects accepted in a request body.
    public var maxJSONDepth: Int
    /// Request deadline when neither the request header nor the alias sets one.
    public var defaultTimeout: Duration
    /// The largest deadline a client may ask for with `x-gateway-timeout-ms`.
    public var maxTimeout: Duration
    /// The request head must be complete within this time of its first byte.
    public var headTimeout: Duration
    /// The body must be complete within this time of the head (and within the deadline).
    public var bodyTimeout: Duration
    /// An idle keep-alive connection closes after this.
    public var idleTimeout: Duration
    /// Most client connections open at once (lowered to fit the open-file limit).
    public var maxConnections: Int

    public init(
        maxBodyBytes: Int = 1 << 20, maxJSONDepth: Int = 64, defaultTimeout: Duration = .seconds(60),
        maxTimeout: Duration = .seconds(600), headTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60), maxConnections: Int = 10_000
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxJSONDepth = maxJSONDepth
        self.defaultTimeout = defaultTimeout
        self.maxTimeout = maxTimeout
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

/// The wire format a provider speaks.
public enum ProviderKind: String, Sendable, Hashable, CaseIterable {
    case anthropic
    case openai
    case gemini
    /// Any server speaking OpenAI Chat Completions (vLLM, Ollama, llama.cpp).
    case openaiCompatible = "openai_compatible"
}

/// What to do when a provider's key variable is not set.
public enum MissingKeyAction: String, Sendable, Hashable, CaseIterable {
    /// Serve this provider from the built-in simulator.
    case sim
    /// Leave the provider out; routes through it are skipped.
    case disable
    /// Send requests without a key (local servers that need none).
    case none
}

/// Where a provider's requests go.
public enum ProviderEndpoint: Sendable, Hashable {
    case url(String)
    /// The built-in simulator started by the gateway.
    case builtinSimulator
}

/// One upstream provider: its wire format, endpoint, credentials and limits.
public struct ProviderConfig: Sendable, Hashable {
    public var name: String
    public var kind: ProviderKind
    public var endpoint: ProviderEndpoint
    /// Name of the environment variable holding the key (never the key itself).
    public var keyEnv: String?
    public var whenKeyMissing: MissingKeyAction
    public var limits: ConcurrencyLimits
    public var retry: RetryPolicy
    public var breaker: CircuitBreakerConfig
    /// Time-to-first-token deadline; nil means only the request deadline applies.
    public var firstTokenTimeout: Duration?
    /// Request headers passed through to this provider (e.g. `x-request-tag`).
    public var forwardHeaders: [String]
    /// A PEM file of the certificate authorities this provider's TLS certificate must chain
    /// to, instead of the system's trust store (a private CA, the simulator's `--tls`).
    public var caFile: String?

    public init(
        name: String,
        kind: ProviderKind,
        endpoint: ProviderEndpoint,
        keyEnv: String? = nil,
        whenKeyMissing: MissingKeyAction = .sim,
        limits: ConcurrencyLimits = ConcurrencyLimits(),
        retry: RetryPolicy = RetryPolicy(),
        breaker: CircuitBreakerConfig = CircuitBreakerConfig(),
        firstTokenTimeout: Duration? = nil,
        forwardHeaders: [String] = [],
        caFile: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.endpoint = endpoint
        self.keyEnv = keyEnv
        self.whenKeyMissing = whenKeyMissing
        self.limits = limits
        self.retry = retry
        self.breaker = breaker
        self.firstTokenTimeout = firstTokenTimeout
        self.forwardHeaders = forwardHeaders
        self.caFile = caFile
    }
}

/// Per-provider in-flight limit with a bounded wait queue.
public struct ConcurrencyLimits: Sendable, Hashable {
    public var maxInFlight: Int
    public var maxQueue: Int

    public init(maxInFlight: Int = 256, maxQueue: Int = 1024) {
        self.maxInFlight = maxInFlight
        self.maxQueue = maxQueue
    }
}

/// One place an alias can be served: a provider and that provider's model id.
public struct Route: Sendable, Hashable {
    public var provider: String
    public var model: String

    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }
}

/// How an alias uses its routes.
public enum Strategy: String, Sendable, Hashable, CaseIterable {
    /// Exactly one route, with retries.
    case single
    /// Routes in order; the next one when the previous cannot answer.
    case fallback
    /// Every route at the same instant; the first complete answer (JSON) or first real
    /// content token (streaming) wins and the others are cancelled.
    case race
    /// The first route; a second one only when the first has produced nothing by a delay
    /// taken from its recent TTFT percentile, within a cap on extra traffic.
    case hedge
    /// One tier's routes (served as `fallback`), picked by a cheap complexity estimate.
    case tier
}

/// A model alias clients ask for, and how it is served.
public struct AliasConfig: Sendable, Hashable {
    public var name: String
    public var strategy: Strategy
    public var routes: [Route]
    /// Request deadline for this alias, overriding the server default.
    public var timeout: Duration?
    /// Time-to-first-token deadline per attempt, overriding the providers'.
    public var firstTokenTimeout: Duration?
    /// The hedge settings (strategy `hedge`).
    public var hedge: HedgeConfig
    /// The tiers, cheapest first (strategy `tier`); `routes` then lists every tier's routes.
    public var tiers: [TierConfig]
    /// What this alias caches; nil means nothing.
    public var cache: AliasCachePolicy?

    public init(
        name: String, strategy: Strategy, routes: [Route], timeout: Duration? = nil, firstTokenTimeout: Duration? = nil,
        hedge: HedgeConfig = HedgeConfig(), tiers: [TierConfig] = [], cache: AliasCachePolicy? = nil
    ) {
        self.name = name
        self.strategy = strategy
        self.routes = routes
        self.timeout = timeout
        self.firstTokenTimeout = firstTokenTimeout
        self.hedge = hedge
        self.tiers = tiers
        self.cache = cache
    }
}
