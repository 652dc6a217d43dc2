import AsyncHTTPClient
import NIOCore

/// The agent's one HTTP client to the gateway: pooled keep-alive connections sized for
/// concurrent turns, and shut down (awaited) when the scope ends.
public enum AgentHTTPClient {
    /// Pooled connections to the gateway wanted when descriptors allow.
    public static let defaultMaxConnections = 64

    /// A client configured for localhost calls to `llm-gateway`.
    public static func make(maxConnections: Int = defaultMaxConnections) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maxConnections)
        configuration.timeout = .init(connect: .seconds(2))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a client when `needed` (else with `nil`) and shuts the client down afterwards.
    public static func with<T: Sendable>(
        needed: Bool = true, _ body: (HTTPClient?) async throws -> T
    ) async throws -> T {
        guard needed else { return try await body(nil) }
        let client = make()
        let result: Result<T, any Error>
        do {
            result = .success(try await body(client))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        return try result.get()
    }
}
