import AsyncHTTPClient
import Foundation

/// The chaos scenario's processes, all children on free loopback ports: two simulators, the
/// gateway in front of them and `sales-agent serve` in front of the gateway. A killed child
/// is restarted on the same port (and the agent on the same SQLite file), so the URLs
/// everyone holds stay right. Used from one task (the run's driver), so not `Sendable`.
public final class ChaosStack {
    /// `http://127.0.0.1:PORT` of each simulator, of the gateway and of the agent.
    public let simURLs: [String]
    public let gatewayURL: String
    public let agentURL: String
    private var sims: [ChildServer]
    private var gateway: ChildServer
    private var agent: ChildServer
    private let folder: URL
    private let client: HTTPClient
    private let own: URL
    private let agentBinary: URL
    private let environment: [String: String]

    private init(
        sims: [ChildServer], gateway: ChildServer, agent: ChildServer, folder: URL, client: HTTPClient, own: URL, agentBinary: URL,
        environment: [String: String]
    ) {
        self.sims = sims
        self.gateway = gateway
        self.agent = agent
        simURLs = sims.map(\.url)
        gatewayURL = gateway.url
        agentURL = agent.url
        self.folder = folder
        self.client = client
        self.own = own
        self.agentBinary = agentBinary
        self.environment = environment
    }

    /// The policy file the gateway reads (rewritten before each SIGHUP).
    var policyPath: String { folder.appendingPathComponent("chaos-policy.yaml").path }

    /// Starts everything; on failure stops what it started and throws with the child's log.
    public static func start(client: HTTPClient) async throws -> ChaosStack {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llm-gateway-chaos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let own = ChildServer.ownExecutable()
        let agentBinary = own.deletingLastPathComponent().appendingPathComponent("sales-agent")
        guard FileManager.default.isExecutableFile(atPath: agentBinary.path) else {
            throw BenchSetupError("\(agentBinary.path) not found: build it first (`swift build`, which builds both products)")
        }
        var environment = ProcessInfo.processInfo.environment
        for key in ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", "GATEWAY_API_KEY"] { environment[key] = nil }
        let profile = folder.appendingPathComponent("sim-chaos.yaml")
        try ChaosConfigs.simProfile.write(to: profile, atomically: true, encoding: .utf8)
        var started: [ChildServer] = []
        do {
            var sims: [ChildServer] = []
            for name in ChaosConfigs.providerNames {
                let sim = try await launchSim(name: name, profile: profile.path, port: 0, own: own, client: client)
                started.append(sim)
                sims.append(sim)
            }
            let policy = folder.appendingPathComponent("chaos-policy.yaml")
            try ChaosConfigs.gatewayPolicy(simURLs: sims.map(\.url)).write(to: policy, atomically: true, encoding: .utf8)
            let gateway = try await ChildServer.launch(
                name: "gateway", executable: own,
                arguments: ["serve", "--policy", policy.path, "--port", "0", "--log-level", "notice"],
                environment: environment, announcement: .logLine, readyPath: "/health/ready", client: client)
            started.append(gateway)
            let database = folder.appendingPathComponent("chaos-agent.sqlite").path
            let agent = try await launchAgent(
                binary: agentBinary, gatewayURL: gateway.url, database: database, port: 0, environment: environment, client: client)
            started.append(agent)
            return ChaosStack(
                sims: sims, gateway: gateway, agent: agent, folder: folder, client: client, own: own, agentBinary: agentBinary,
                environment: environment)
        } catch {
            for child in started.reversed() { await child.stop() }
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    private static func launchSim(name: String, profile: String, port: Int, own: URL, client: HTTPClient) async throws -> ChildServer {
        try await ChildServer.launch(
            name: name, executable: own,
            arguments: ["sim", "--profile", profile, "--port", String(port), "--log-level", "notice"],
            announcement: port == 0 ? .logLine : .fixed("http://127.0.0.1:\(port)"), readyPath: "/health", client: client)
    }

    private static func launchAgent(
        binary: URL, gatewayURL: String, database: String, port: Int, environment: [String: String], client: HTTPClient
    ) async throws -> ChildServer {
        try await ChildServer.launch(
            name: "agent", executable: binary,
            arguments: [
                "serve", "--backend", "gateway", "--gateway-url", gatewayURL, "--db", database, "--port", String(port),
                "--log-level", "notice",
            ],
            environment: environment, announcement: port == 0 ? .logLine : .fixed("http://127.0.0.1:\(port)"),
            readyPath: "/health", client: client, timeout: .seconds(60))
    }

    /// SIGKILL to simulator `index`.
    public func killSim(_ index: Int) async {
        await sims[index].kill9()
    }

    /// Starts simulator `index` again on its port; returns once it answers.
    public func restartSim(_ index: Int) async throws {
        guard let port = sims[index].port else { throw BenchSetupError("no port in \(sims[index].url)") }
        let profile = folder.appendingPathComponent("sim-chaos.yaml").path
        sims[index] = try await Self.launchSim(
            name: ChaosConfigs.providerNames[index], profile: profile, port: port, own: own, client: client)
    }

    /// SIGKILL to the agent, then starts it again on its port and SQLite file; returns once it answers.
    public func killAndRestartAgent() async throws {
        guard let port = agent.port else { throw BenchSetupError("no port in \(agent.url)") }
        await agent.kill9()
        agent = try await Self.launchAgent(
            binary: agentBinary, gatewayURL: gatewayURL, database: folder.appendingPathComponent("chaos-agent.sqlite").path,
            port: port, environment: environment, client: client)
    }

    /// Writes policy `revision` (broken when asked) and sends the gateway a SIGHUP.
    public func reloadGateway(revision: Int, broken: Bool) throws {
        try ChaosConfigs.gatewayPolicy(simURLs: simURLs, revision: revision, broken: broken)
            .write(toFile: policyPath, atomically: true, encoding: .utf8)
        gateway.send(signal: SIGHUP)
    }

    /// Whether the gateway is still running (a reload or a hostile client must not stop it).
    public func gatewayRunning() -> Bool { gateway.process.isRunning }

    /// Stops every child and removes the folder.
    public func stop() async {
        await agent.stop()
        await gateway.stop()
        for sim in sims.reversed() { await sim.stop() }
        try? FileManager.default.removeItem(at: folder)
    }
}
