import ArgumentParser
import Foundation
import GatewayCore
import GatewayServer
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Simulator
import YAMLConfig

/// `llm-gateway serve`: runs the gateway until SIGTERM or SIGINT; SIGHUP reloads the policy.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the OpenAI-compatible gateway (embedded default policy and simulator when no keys are set).")

    @Option(help: "Policy file (YAML). Without it the embedded default policy is used.")
    var policy: String?

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind.")
    var port = 8787

    @Option(help: "Also listen on this Unix domain socket (mode 0660; a stale socket file is removed).")
    var unixSocket: String?

    @Flag(help: "Listen only on --unix-socket, not on TCP.")
    var noTCP = false

    @Flag(help: "Serve a non-loopback --host without tenants (anyone who can reach it can spend your keys).")
    var allowOpen = false

    @Option(help: "Simulator profile for providers served by the built-in simulator (a name or a YAML file); overrides the policy's `simulator.profile`.")
    var simProfile: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let logger = makeLogger(label: "llm-gateway", level: logLevel)
        let loaded: Policy
        do {
            if let path = policy {
                loaded = try Gateway.loadPolicy(path: path)
            } else {
                loaded = try PolicyLoader.parse(yaml: DefaultPolicy.yaml, file: DefaultPolicy.fileName)
            }
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        do {
            try Gateway.checkTenantKeys(policy: loaded, environment: environment)
        } catch {
            printError("\(policy ?? DefaultPolicy.fileName): \(error)")
            throw ExitCode(2)
        }
        if loaded.tenants.isEmpty {
            if !noTCP, !Self.isLoopback(host), !allowOpen {
                printError(
                    "refusing to serve \(host) without tenants: any client that reaches it could use every alias. "
                        + "Add `tenants:` to the policy (SPEC §3.2), bind 127.0.0.1, or pass --allow-open.")
                throw ExitCode(2)
            }
            logger.notice("open mode: no tenants in the policy, every local client may call every alias", metadata: ["host": "\(host)"])
        }
        if noTCP, unixSocket == nil {
            printError("--no-tcp needs --unix-socket PATH")
            throw ExitCode(2)
        }
        var simulator: SimServer?
        if PolicyNeeds.simulator(loaded, environment: environment) {
            let profileName = simProfile ?? loaded.simulatorProfile
            let profile: SimProfile
            do {
                profile = try SimProfile.resolve(nameOrPath: profileName)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            simulator = try await SimServer.start(profile: profile, port: 0, logger: makeLogger(label: "sim", level: .warning))
            logger.info("built-in simulator started", metadata: ["url": "\(simulator!.baseURL)", "profile": "\(profileName)"])
        }
        let registry = PrometheusCollectorRegistry()
        let gateway = Gateway(
            configuration: GatewayConfiguration(
                policy: loaded, policyPath: policy, environment: environment,
                simulatorURL: simulator?.baseURL, logger: logger),
            metrics: GatewayMetrics(factory: PrometheusMetricsFactory(registry: registry)))
        let host = self.host
        var listeners: [GatewayApplication.Listener] = noTCP ? [] : [.tcp(host: host, port: port)]
        if let unixSocket { listeners.append(.unixSocket(path: unixSocket)) }
        let apps = GatewayApplication.make(gateway: gateway, registry: registry, listeners: listeners) { listener, channel in
            switch listener {
            case .tcp:
                let bound = channel.localAddress?.port ?? 0
                logger.notice("llm-gateway listening", metadata: ["url": "http://\(host):\(bound)"])
            case .unixSocket(let path):
                logger.notice("llm-gateway listening", metadata: ["socket": "\(path)"])
            }
        }
        let group = ServiceGroup(
            configuration: .init(services: apps, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.error("gateway stopped with an error", metadata: ["error": "\(error)"])
        }
        try await gateway.shutdown()
        try await simulator?.shutdown()
    }

    /// 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
