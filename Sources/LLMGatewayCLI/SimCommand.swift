import ArgumentParser
import Logging
import ServiceLifecycle
import Simulator

/// `llm-gateway sim`: the provider simulator on its own port.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Serve simulated Anthropic, OpenAI and Gemini APIs with realistic latency and faults.")

    @Option(help: "Profile: a name (zero, default, seed → policies/sim-NAME.yaml or built in) or a YAML file.")
    var profile = "default"

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind.")
    var port = 8790

    @Option(help: "Log level.")
    var logLevel: Logger.Level = .notice

    func run() async throws {
        let logger = makeLogger(label: "sim", level: logLevel)
        let resolved: SimProfile
        do {
            resolved = try SimProfile.resolve(nameOrPath: profile)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let server = try await SimServer.start(profile: resolved, host: host, port: port, logger: logger)
        logger.notice("simulator listening", metadata: ["url": "\(server.baseURL)", "profile": "\(profile)"])
        let group = ServiceGroup(
            configuration: .init(services: [WaitForShutdown()], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await server.shutdown()
    }
}

/// A service that does nothing but wait for graceful shutdown.
struct WaitForShutdown: Service {
    func run() async throws {
        try? await gracefulShutdown()
    }
}
