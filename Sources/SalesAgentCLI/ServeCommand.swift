import ArgumentParser
import AsyncHTTPClient
import Foundation
import HTTPServerGuards
import Logging
import SafeLogging
import SalesAgent
import ServiceLifecycle

/// `sales-agent serve`: the agent's HTTP API over SQLite-backed sessions, until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the agent's session API (POST /v1/sessions, POST /v1/sessions/{id}/messages, ...).")

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0 picks a free one; the log line says which).")
    var port = 8788

    @Option(help: "SQLite file holding the sessions.")
    var db = "sales-agent.sqlite"

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(help: "The request head must arrive within this many ms of its first byte.")
    var headTimeoutMs = 10_000

    @Option(help: "The request body must arrive within this many ms of its head.")
    var bodyTimeoutMs = 30_000

    @Option(help: "An idle keep-alive connection closes after this many ms.")
    var idleTimeoutMs = 60_000

    @Option(help: "Most client connections open at once (lowered to fit the open-file limit); more get 503.")
    var maxConnections = 10_000

    @OptionGroup var agent: AgentCommandOptions

    var limits: ServerLimits {
        ServerLimits(
            headTimeout: .milliseconds(max(1, headTimeoutMs)), bodyTimeout: .milliseconds(max(1, bodyTimeoutMs)),
            idleTimeout: .milliseconds(max(1, idleTimeoutMs)), maxConnections: max(1, maxConnections))
    }

    func run() async throws {
        var logger = Logger(label: "sales-agent", factory: { EscapingLogHandler.standardError(label: $0) })
        logger.logLevel = logLevel
        let options = agent.agentOptions
        let usesGateway = options.backend == .gateway
        let descriptors = DescriptorBudget.plan(
            limits: limits, upstream: .init(hosts: usesGateway ? 1 : 0, connectionsPerHost: AgentHTTPClient.defaultMaxConnections))
        let client = usesGateway ? AgentHTTPClient.make(maxConnections: descriptors.plan.upstreamConnectionsPerHost) : nil
        let outcome: Result<Void, any Error>
        do {
            outcome = .success(try await serve(options: options, client: client, descriptors: descriptors, logger: logger))
        } catch {
            outcome = .failure(error)
        }
        try? await client?.shutdown()
        try outcome.get()
    }

    private func serve(options: AgentOptions, client: HTTPClient?, descriptors: DescriptorBudget.Planned, logger: Logger) async throws {
        let manager: SessionManager
        do {
            // The store first: a bad --db fails at once, before the embedding table loads.
            let store = try SQLiteSessionStore(path: db)
            manager = SessionManager(pipeline: try AgentSetup.pipeline(options: options, client: client), store: store)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let host = self.host
        let app = AgentServer.make(
            manager: manager, host: host, port: port, limits: limits, descriptors: descriptors, logger: logger
        ) { channel in
            let bound = channel.localAddress?.port ?? 0
            logger.notice("sales-agent listening", metadata: ["url": "http://\(host):\(bound)"])
        }
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.error("sales-agent stopped with an error", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
