import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// What the overhead scenario runs against: the simulator (the `direct` baseline), the
/// gateway and any peers, each started as a child process of this binary unless a URL
/// points at one already running.
public final class BenchStack {
    /// A gateway measured side by side with ours.
    public enum Peer: String, Sendable, CaseIterable {
        case litellm
    }

    /// How to get the servers.
    public struct Options: Sendable {
        /// Use this simulator instead of starting `llm-gateway sim`.
        public var simURL: String?
        /// Use this gateway instead of starting `llm-gateway serve`.
        public var gatewayURL: String?
        /// The alias the gateway routes to the simulator.
        public var gatewayModel = "bench"
        /// The simulator's model id.
        public var simModel = "sim-small"
        /// Simulator profile for a simulator the bench starts.
        public var simProfile = "zero"
        /// Log level of the gateway the bench starts (notice: no line per request).
        public var gatewayLogLevel = "notice"
        public var peers: [Peer] = []
        /// LiteLLM's executable; default `.venv-litellm/bin/litellm` (see `bench/litellm.sh`).
        public var liteLLMBinary = ".venv-litellm/bin/litellm"
        public var liteLLMWorkers = 1
        /// The policy of a gateway the bench starts, given the simulator's URL; nil: one
        /// `single` alias (`gatewayModel`) on `simModel`.
        public var gatewayPolicy: (@Sendable (_ simURL: String) -> String)?

        public init() {}
    }

    /// `direct`, `gateway`, then the peers.
    public let targets: [LoadTarget]
    /// Facts for the report: URLs, what was started, versions.
    public let facts: [String: String]
    private let children: [ChildServer]
    private let folder: URL

    private init(targets: [LoadTarget], facts: [String: String], children: [ChildServer], folder: URL) {
        self.targets = targets
        self.facts = facts
        self.children = children
        self.folder = folder
    }

    /// Starts what `options` does not point at; on failure stops what it started and throws
    /// a message saying what to do.
    public static func start(_ options: Options, client: HTTPClient) async throws -> BenchStack {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llm-gateway-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var children: [ChildServer] = []
        do {
            let stack = try await start(options, client: client, folder: folder, children: &children)
            return stack
        } catch {
            for child in children.reversed() { await child.stop() }
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    private static func start(
        _ options: Options, client: HTTPClient, folder: URL, children: inout [ChildServer]
    ) async throws -> BenchStack {
        let own = ChildServer.ownExecutable()
        var facts: [String: String] = ["sim_profile": options.simProfile]
        let simURL: String
        if let given = options.simURL {
            simURL = given
            facts["sim"] = "given \(given)"
        } else {
            let sim = try await ChildServer.launch(
                name: "simulator", executable: own,
                arguments: ["sim", "--profile", options.simProfile, "--port", "0", "--log-level", "notice"],
                announcement: .logLine, readyPath: "/health", client: client)
            children.append(sim)
            simURL = sim.url
            facts["sim"] = "started \(sim.url)"
        }
        let gatewayURL: String
        if let given = options.gatewayURL {
            gatewayURL = given
            facts["gateway"] = "given \(given)"
        } else {
            let policy = folder.appendingPathComponent("bench-policy.yaml")
            let text =
                options.gatewayPolicy?(simURL)
                ?? PeerConfigs.gatewayPolicy(simURL: simURL, alias: options.gatewayModel, model: options.simModel)
            try text.write(to: policy, atomically: true, encoding: .utf8)
            var environment = ProcessInfo.processInfo.environment
            for key in ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY"] { environment[key] = nil }
            let gateway = try await ChildServer.launch(
                name: "gateway", executable: own,
                arguments: ["serve", "--policy", policy.path, "--port", "0", "--log-level", options.gatewayLogLevel],
                environment: environment, announcement: .logLine, readyPath: "/health/ready", client: client)
            children.append(gateway)
            gatewayURL = gateway.url
            facts["gateway"] = "started \(gateway.url), log level \(options.gatewayLogLevel)"
        }
        var targets = [
            LoadTarget.openAICompatible(label: "direct", baseURL: simURL, model: options.simModel),
            LoadTarget.openAICompatible(label: "gateway", baseURL: gatewayURL, model: options.gatewayModel),
        ]
        for peer in options.peers {
            switch peer {
            case .litellm:
                let litellm = try await startLiteLLM(options, simURL: simURL, folder: folder, client: client)
                children.append(litellm)
                targets.append(.openAICompatible(label: "litellm", baseURL: litellm.url, model: "sim"))
                facts["litellm"] = "started \(litellm.url), \(options.liteLLMWorkers) worker(s), version \(liteLLMVersion(options.liteLLMBinary) ?? "?")"
            }
        }
        return BenchStack(targets: targets, facts: facts, children: children, folder: folder)
    }

    private static func startLiteLLM(_ options: Options, simURL: String, folder: URL, client: HTTPClient) async throws -> ChildServer {
        let binary = URL(fileURLWithPath: options.liteLLMBinary)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchSetupError(
                """
                LiteLLM is not installed at \(options.liteLLMBinary).
                Install it into a git-ignored virtualenv with `bash bench/litellm.sh install` (from the repository root),
                or pass --litellm-bin PATH to an installed `litellm` executable.
                """)
        }
        let config = folder.appendingPathComponent("litellm.yaml")
        try PeerConfigs.liteLLMConfig(simURL: simURL, model: options.simModel).write(to: config, atomically: true, encoding: .utf8)
        let port = try await freePort()
        let url = "http://127.0.0.1:\(port)"
        return try await ChildServer.launch(
            name: "litellm", executable: binary,
            arguments: [
                "--config", config.path, "--host", "127.0.0.1", "--port", String(port),
                "--num_workers", String(options.liteLLMWorkers),
            ],
            environment: PeerConfigs.liteLLMEnvironment(ProcessInfo.processInfo.environment),
            announcement: .fixed(url), readyPath: "/health/liveliness", client: client, timeout: .seconds(120))
    }

    /// Stops every child, last started first.
    public func stop() async {
        for child in children.reversed() { await child.stop() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// A loopback port free right now (bound, read, released).
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    /// The installed version, from the virtualenv's `litellm-X.Y.Z.dist-info` folder.
    static func liteLLMVersion(_ binary: String) -> String? {
        let lib = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib")
        guard let pythons = try? FileManager.default.contentsOfDirectory(atPath: lib.path) else { return nil }
        for python in pythons {
            let site = lib.appendingPathComponent(python).appendingPathComponent("site-packages")
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []
            if let info = entries.first(where: { $0.hasPrefix("litellm-") && $0.hasSuffix(".dist-info") }) {
                return String(info.dropFirst("litellm-".count).dropLast(".dist-info".count))
            }
        }
        return nil
    }
}
