import AsyncHTTPClient
import Foundation

/// The cache scenario's servers, all child processes of this binary: the `zero` simulator,
/// a `redis-server` on a free port and three gateways (`memory`, `redis`, `redis-down`), and
/// the two semantic ones (`semantic`, `semantic-spread`).
public final class CacheStack {
    /// A server a phase can measure.
    public struct Server: Sendable {
        /// `direct`, `memory`, `redis`, `redis-down`.
        public var role: String
        /// `http://HOST:PORT`.
        public var url: String
        /// The model the requests name.
        public var model: String
        /// For `/proc` readings; every server the bench starts has one.
        public var processID: Int32
        /// Whether it serves `/metrics` with the cache counters (the gateways).
        public var isGateway: Bool
    }

    public let servers: [String: Server]
    public let facts: [String: String]
    private let children: [ChildServer]
    private let redis: RedisChild?
    private let folder: URL

    private init(servers: [String: Server], facts: [String: String], children: [ChildServer], redis: RedisChild?, folder: URL) {
        self.servers = servers
        self.facts = facts
        self.children = children
        self.redis = redis
        self.folder = folder
    }

    /// Starts everything; on failure stops what it started and throws what to do.
    /// With `semantic`, also the semantic gateways (`CacheScenario.semanticLayouts`).
    public static func start(client: HTTPClient, logLevel: String = "notice", semantic: Bool = true) async throws -> CacheStack {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llm-gateway-cache-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var children: [ChildServer] = []
        var redis: RedisChild?
        do {
            let own = ChildServer.ownExecutable()
            let sim = try await ChildServer.launch(
                name: "simulator", executable: own, arguments: ["sim", "--profile", "zero", "--port", "0", "--log-level", "notice"],
                announcement: .logLine, readyPath: "/health", client: client)
            children.append(sim)
            let started = try await RedisChild.launch()
            redis = started
            let deadPort = try await BenchStack.freePort()
            var servers = ["direct": Server(role: "direct", url: sim.url, model: "sim-small", processID: sim.processID, isGateway: false)]
            var facts = ["sim": "started \(sim.url), profile zero", "redis": "started redis-server on port \(started.port)"]
            let gateways: [(String, CacheScenario.Store, String?)] = [
                ("memory", .memoryOnly, nil), ("redis", .redisOnly, started.url), ("redis-down", .memoryAndRedis, "redis://127.0.0.1:\(deadPort)/0"),
            ] + (semantic ? CacheScenario.semanticLayouts.map { ($0.server, CacheScenario.Store.semanticMemory, String?.none) } : [])
            for (role, store, redisURL) in gateways {
                let policy = folder.appendingPathComponent("cache-\(role).yaml")
                try CacheScenario.gatewayPolicy(simURL: sim.url, store: store).write(to: policy, atomically: true, encoding: .utf8)
                var environment = ProcessInfo.processInfo.environment
                for key in ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", "REDIS_URL"] { environment[key] = nil }
                environment["REDIS_URL"] = redisURL
                let gateway = try await ChildServer.launch(
                    name: "gateway-\(role)", executable: own,
                    arguments: ["serve", "--policy", policy.path, "--port", "0", "--log-level", logLevel],
                    environment: environment, announcement: .logLine, readyPath: "/health/ready", client: client)
                children.append(gateway)
                servers[role] = Server(role: role, url: gateway.url, model: CacheScenario.alias, processID: gateway.processID, isGateway: true)
                facts["gateway_\(role)"] = "started \(gateway.url)" + (redisURL.map { ", REDIS_URL \($0)" } ?? "")
            }
            return CacheStack(servers: servers, facts: facts, children: children, redis: redis, folder: folder)
        } catch {
            for child in children.reversed() { await child.stop() }
            await redis?.stop()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Stops every child, gateways first.
    public func stop() async {
        for child in children.reversed() { await child.stop() }
        await redis?.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
