import AsyncHTTPClient
import Foundation
import GatewayCore
import GatewayProviders
import Logging
import NIOCore
import Synchronization
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

    public init(policy: Policy, policyPath: String?, environment: [String: String], simulatorURL: String?, logger: Logger) {
        self.policy = policy
        self.policyPath = policyPath
        self.environment = environment
        self.simulatorURL = simulatorURL
        self.logger = logger
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
    private let current: Mutex<RuntimeSnapshot>
    private let configuration: GatewayConfiguration
    private let poolsWarm = Atomic<Bool>(false)

    public init(configuration: GatewayConfiguration, metrics: GatewayMetrics) {
        self.configuration = configuration
        self.metrics = metrics
        self.logger = configuration.logger
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.clientConfiguration())
        self.transport = AsyncHTTPClientTransport(client: client)
        self.executor = RequestExecutor(
            runner: AttemptRunner(metrics: metrics, logger: configuration.logger), strategies: strategies)
        let snapshot = RuntimeSnapshot.build(
            policy: configuration.policy, previous: nil, environment: configuration.environment,
            simulatorURL: configuration.simulatorURL, transport: transport)
        self.current = Mutex(snapshot)
        for (name, reason) in snapshot.disabled.sorted(by: { $0.key < $1.key }) {
            configuration.logger.warning("provider disabled", metadata: ["provider": "\(name)", "reason": "\(reason)"])
        }
    }

    /// One client for every provider: pooled keep-alive connections, HTTP/2 where the
    /// upstream offers it. Pools are warmed by ``PoolWarmer`` at start; AsyncHTTPClient's
    /// own `preWarmedHTTP1ConnectionCount` stays 0 because with 1.37.0 a non-zero value
    /// makes `HTTPClient.shutdown()` hang (seen in the loopback tests).
    static func clientConfiguration() -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .automatic
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.timeout = .init(connect: .seconds(5))
        configuration.connectionPool = .init(idleTimeout: .seconds(90), concurrentHTTP1ConnectionsPerHostSoftLimit: 512)
        // A failed connect fails the attempt at once: the gateway retries, breaks and falls
        // back itself. With AsyncHTTPClient's own retry its connect backoff grows to 60 s
        // while a provider is down, and a provider that came back stayed unused that long
        // (issue 8, finding 4).
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// The policy and runtimes requests start with now.
    func snapshot() -> RuntimeSnapshot {
        current.withLock { $0 }
    }

    public var policy: Policy { snapshot().policy }

    /// True once the policy is loaded and the provider pools were warmed.
    public var isReady: Bool { poolsWarm.load(ordering: .acquiring) }

    func markPoolsWarm() {
        poolsWarm.store(true, ordering: .releasing)
    }

    /// Re-reads the policy file and swaps it in. A file that does not validate is rejected
    /// and the current policy kept; requests in flight finish on the policy they began with.
    @discardableResult
    public func reload() -> Result<Policy, ConfigError> {
        guard let path = configuration.policyPath else {
            logger.info("policy reload skipped: serving the embedded default policy")
            return .success(policy)
        }
        let result = Result { () throws(ConfigError) -> Policy in try Self.loadPolicy(path: path) }
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
        try await client.shutdown()
    }
}
