import AsyncHTTPClient
import Embeddings
import Foundation
import GatewayCore
import GatewayProviders
import HTTPServerGuards
import Logging
import NIOCore
import Locking
import YAMLConfig

/// What a gateway is built from. Everything is passed in: no globals.
public struct GatewayConfiguration: Sendable {
    public var policy: Policy
    /// The file the policy came from, re-read on reload; nil for the embedded default.
    public var policyPath: String?
    /// Where API keys are looked up (normally the process environment).
    public var environment: [String: String]
    /// Base URL of the built-in simulator, when one was started.
    public var simulatorURL: String?
    public var logger: Logger
    /// The semantic tier's embedder; nil: the process's bundled static embedder.
    public var embedder: (any Embedder)?

    public init(
        policy: Policy, policyPath: String?, environment: [String: String], simulatorURL: String?, logger: Logger,
        embedder: (any Embedder)? = nil
    ) {
        self.policy = policy
        self.policyPath = policyPath
        self.environment = environment
        self.simulatorURL = simulatorURL
        self.logger = logger
        self.embedder = embedder
    }
}

/// The gateway's long-lived state: the shared HTTP client, the current policy snapshot
/// (swapped atomically on reload) and readiness.
public final class Gateway: Sendable {
    let client: HTTPClient
    let transport: AsyncHTTPClientTransport
    let metrics: GatewayMetrics
    let logger: Logger
    let executor: RequestExecutor
    let strategies = StrategyStats()
    let connections = ConnectionRegistry()
    let cache: CacheRuntime
    let quotas: QuotaBank
    private let tenantAccess: Locked<TenantAccess>
    private let current: Locked<RuntimeSnapshot>
    private let configuration: GatewayConfiguration
    let readiness: Readiness
    /// The client connection limits (the policy's `server:`, read at start).
    let serverLimits: ServerLimits
    /// How client and upstream connections share the open-file limit.
    let descriptors: DescriptorBudget.Planned

    public init(configuration: GatewayConfiguration, metrics: GatewayMetrics) {
        self.configuration = configuration
        self.readiness = Readiness(policySource: configuration.policyPath ?? "embedded default policy")
        self.metrics = metrics
        self.logger = configuration.logger
        self.serverLimits = GatewayApplication.serverLimits(configuration.policy.server)
        self.descriptors = DescriptorBudget.plan(limits: serverLimits, upstream: Self.upstreamDescriptors(configuration))
        self.client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: Self.clientConfiguration(connectionsPerHost: descriptors.plan.upstreamConnectionsPerHost))
        self.transport = AsyncHTTPClientTransport(client: client)
        self.executor = RequestExecutor(
            runner: AttemptRunner(metrics: metrics, logger: configuration.logger), strategies: strategies)
        self.cache = CacheRuntime(
            settings: configuration.policy.cache, environment: configuration.environment, metrics: metrics, logger: configuration.logger,
            embedder: configuration.embedder)
        let redis = cache.redis
        self.quotas = QuotaBank(shared: redis, sharedHealth: { redis?.health })
        self.tenantAccess = Locked(Self.access(policy: configuration.policy, environment: configuration.environment, logger: configuration.logger))
        let snapshot = RuntimeSnapshot.build(
            policy: configuration.policy, previous: nil, environment: configuration.environment,
            simulatorURL: configuration.simulatorURL, transport: transport)
        self.current = Locked(snapshot)
        Self.logProviders(snapshot, logger: configuration.logger)
        let embedder = configuration.policy.cache.embedder
        if let upstream = cache.semantic?.upstream, let model = embedder.model {
            upstream.connect(
                UpstreamEmbeddingSender.make(model: model, timeout: embedder.timeout, runner: executor.runner) { [weak self] in self?.snapshot() })
        }
    }

    /// One client for every provider: pooled keep-alive connections, HTTP/2 where the
    /// upstream offers it. Pools are warmed by ``PoolWarmer`` at start; AsyncHTTPClient's
    /// own `preWarmedHTTP1ConnectionCount` stays 0 because with 1.37.0 a non-zero value
    /// makes `HTTPClient.shutdown()` hang (seen in the loopback tests).
    static func clientConfiguration(connectionsPerHost: Int = upstreamConnectionsPerHost) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .automatic
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.timeout = .init(connect: .seconds(5))
        configuration.connectionPool = .init(idleTimeout: .seconds(90), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        // A failed connect fails the attempt at once: the gateway retries, breaks and falls
        // back itself. With AsyncHTTPClient's own retry its connect backoff grows to 60 s
        // while a provider is down, and a provider that came back stayed unused that long
        // (issue 8, finding 4).
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Pooled connections per upstream host when descriptors allow.
    static let upstreamConnectionsPerHost = 512

    /// Upstream hosts for the descriptor plan: one per provider (an upper bound: providers
    /// may share a host); a simulator serves each connection with a descriptor of its own,
    /// in this process when it is the embedded one, so those count twice.
    static func upstreamDescriptors(_ configuration: GatewayConfiguration) -> DescriptorPlan.Upstream {
        .init(
            hosts: max(1, configuration.policy.providers.count), connectionsPerHost: upstreamConnectionsPerHost,
            descriptorsPerConnection: configuration.simulatorURL == nil ? 1 : 2)
    }

    /// One line per provider at start: real, simulated (and why) or disabled (and why).
    static func logProviders(_ snapshot: RuntimeSnapshot, logger: Logger) {
        for config in snapshot.policy.providers {
            if let reason = snapshot.disabled[config.name] {
                logger.warning("provider disabled", metadata: ["provider": "\(config.name)", "reason": "\(reason)"])
            } else if let runtime = snapshot.providers[config.name], runtime.isSimulated {
                let why = config.endpoint == .builtinSimulator
                    ? "base_url is sim" : "no provider key is set (\(config.keyEnv ?? "-") unset): the out-of-the-box demo"
                logger.notice("provider simulated", metadata: ["provider": "\(config.name)", "reason": "\(why)"])
            } else if let runtime = snapshot.providers[config.name] {
                logger.notice("provider real", metadata: ["provider": "\(config.name)", "url": "\(runtime.baseURL)"])
            }
        }
    }

    /// The tenants' keys now; a policy whose keys cannot be read denies every tenant (and
    /// `llm-gateway serve` refuses to start with it).
    func access() -> TenantAccess {
        tenantAccess.withLock { $0 }
    }

    static func access(policy: Policy, environment: [String: String], logger: Logger) -> TenantAccess {
        do {
            return TenantAccess(keys: try TenantKeys(policy: policy, environment: environment), tenantsRequired: !policy.tenants.isEmpty)
        } catch {
            logger.error("tenant keys unreadable; every tenant is refused", metadata: ["error": "\(error)"])
            return TenantAccess(keys: .none, tenantsRequired: true)
        }
    }

    /// Checks that every tenant's and the operator's key can be read, naming what is missing.
    public static func checkTenantKeys(policy: Policy, environment: [String: String]) throws {
        _ = try TenantKeys(policy: policy, environment: environment)
    }

    /// The policy and runtimes requests start with now.
    func snapshot() -> RuntimeSnapshot {
        current.withLock { $0 }
    }

    public var policy: Policy { snapshot().policy }

    /// True once the warm-up has run and some provider can be reached.
    public var isReady: Bool { readiness.value.warmUpDone && !snapshot().providers.isEmpty }

    /// Re-reads the policy file and swaps it in. A file that does not validate is rejected
    /// and the current policy kept; requests in flight finish on the policy they began with.
    @discardableResult
    public func reload() -> Result<Policy, ConfigError> {
        guard let path = configuration.policyPath else {
            logger.info("policy reload skipped: serving the embedded default policy")
            return .success(policy)
        }
        var result = Result { () throws(ConfigError) -> Policy in try Self.loadPolicy(path: path) }
        if case .success(let policy) = result {
            do {
                try Self.checkTenantKeys(policy: policy, environment: configuration.environment)
            } catch {
                result = .failure(ConfigError(file: path, line: 0, field: "tenants", problem: "\(error)"))
            }
        }
        switch result {
        case .success:
            readiness.reloaded(ok: true, error: nil)
        case .failure(let error):
            readiness.reloaded(ok: false, error: "\(error)")
        }
        switch result {
        case .success(let policy):
            apply(policy)
            logger.info("policy reloaded", metadata: ["file": "\(path)", "aliases": "\(policy.aliases.count)"])
        case .failure(let error):
            logger.error("policy reload rejected; keeping the current policy", metadata: ["error": "\(error)"])
        }
        return result
    }

    /// Swaps in an already validated policy.
    public func apply(_ policy: Policy) {
        let access = Self.access(policy: policy, environment: configuration.environment, logger: logger)
        tenantAccess.withLock { $0 = access }
        current.withLock { snapshot in
            snapshot = RuntimeSnapshot.build(
                policy: policy, previous: snapshot, environment: configuration.environment,
                simulatorURL: configuration.simulatorURL, transport: transport)
        }
    }

    /// Reads and validates a policy file.
    public static func loadPolicy(path: String) throws(ConfigError) -> Policy {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: 0, field: "", problem: "cannot read the file: \(error.localizedDescription)")
        }
        return try PolicyLoader.parse(yaml: text, file: path)
    }

    public func shutdown() async throws {
        cache.shutdown()
        try await client.shutdown()
    }
}
