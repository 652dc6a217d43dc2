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
        let app = GatewayApplication.make(gateway: gateway, registry: registry, host: host, port: port) { channel in
            let bound = channel.localAddress?.port ?? 0
            logger.notice("llm-gateway listening", metadata: ["url": "http://\(host):\(bound)"])
        }
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.error("gateway stopped with an error", metadata: ["error": "\(error)"])
        }
        try await gateway.shutdown()
        try await simulator?.shutdown()
    }
}
