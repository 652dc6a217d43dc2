import ArgumentParser
import Foundation
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

    @Flag(help: "Serve TLS only, offering HTTP/2 and HTTP/1.1 (ALPN), with a CA and certificate made at start.")
    var tls = false

    @Option(help: "With --tls: write the generated CA certificate (PEM) here, for a provider's `ca_file`.")
    var caOut: String?

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
        if caOut != nil, !tls {
            printError("--ca-out needs --tls")
            throw ExitCode(2)
        }
        var simTLS: SimTLS?
        if tls {
            let certificates = try SimCertificates.make(now: Date())
            if let caOut {
                do {
                    try certificates.authorityPEM.write(toFile: caOut, atomically: true, encoding: .utf8)
                } catch {
                    printError("cannot write the CA certificate to \(caOut): \(error.localizedDescription)")
                    throw ExitCode(2)
                }
            }
            simTLS = SimTLS(certificates: certificates)
        }
        let server = try await SimServer.start(profile: resolved, host: host, port: port, tls: simTLS, logger: logger)
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
