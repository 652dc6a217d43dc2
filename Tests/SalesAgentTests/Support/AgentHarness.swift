import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import HTTPServerGuards
import SalesAgent
import ServiceLifecycle
import TestSupport

/// A real agent server on a loopback port (port 0) over a given manager, with an HTTP
/// client pointed at it. Everything is torn down when the body returns or throws.
struct AgentHarness: Sendable {
    let baseURL: String
    let manager: SessionManager
    let client: HTTPClient

    /// One HTTP exchange.
    struct Reply: Sendable {
        let status: Int
        let headers: [(String, String)]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        func json() throws -> [String: Any] {
            try jsonObject(body)
        }

        /// `error.code` of an error body.
        func errorCode() throws -> String? {
            (try json()["error"] as? [String: Any])?["code"] as? String
        }

        func errorMessage() throws -> String? {
            (try json()["error"] as? [String: Any])?["message"] as? String
        }
    }

    static func run(
        pipeline: TurnPipeline? = nil,
        store: (any SessionStore)? = nil,
        limits: ServerLimits = ServerLimits(),
        _ body: @Sendable (AgentHarness) async throws -> Void
    ) async throws {
        let manager = SessionManager(pipeline: try pipeline ?? TestPipelines.local(), store: store ?? InMemorySessionStore())
        var logger = Logger(label: "sales-agent-test", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = AgentServer.make(manager: manager, port: 0, limits: limits, logger: logger) { channel in
            portSink.yield(channel.localAddress?.port ?? 0)
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var failure: (any Error)?
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try? await group.run()
                portSink.finish()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                failure = TestFailure("the agent server did not start")
                return
            }
            do {
                try await body(AgentHarness(baseURL: "http://127.0.0.1:\(port)", manager: manager, client: client))
            } catch {
                failure = error
            }
            await group.triggerGracefulShutdown()
        }
        try await client.shutdown()
        if let failure { throw failure }
    }

    func post(
        _ path: String, body: String?, contentType: String? = "application/json", headers: [(String, String)] = []
    ) async throws -> Reply {
        try await send(.POST, path, body: body, contentType: contentType, headers: headers)
    }

    func get(_ path: String) async throws -> Reply {
        try await send(.GET, path)
    }

    func delete(_ path: String) async throws -> Reply {
        try await send(.DELETE, path)
    }

    func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, contentType: String? = nil, headers: [(String, String)] = []
    ) async throws -> Reply {
        try await Self.send(client: client, baseURL: baseURL, method, path, body: body, contentType: contentType, headers: headers)
    }

    static func send(
        client: HTTPClient, baseURL: String, _ method: HTTPMethod, _ path: String, body: String? = nil,
        contentType: String? = nil, headers: [(String, String)] = []
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let contentType { request.headers.add(name: "content-type", value: contentType) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: String(buffer: bytes))
    }

    /// Creates a session and returns its id.
    func createSession(id: String? = nil, context: [String: String] = [:]) async throws -> String {
        var fields: [String: Any] = ["context": context]
        if let id { fields["id"] = id }
        let reply = try await post("/v1/sessions", body: try jsonText(fields))
        guard reply.status == 201, let created = try reply.json()["id"] as? String else {
            throw TestFailure("create failed: \(reply.status) \(reply.body)")
        }
        return created
    }

    /// Posts a customer message as JSON.
    func message(_ id: String, _ text: String, headers: [(String, String)] = []) async throws -> Reply {
        try await post("/v1/sessions/\(id)/messages", body: try jsonText(["message": text]), headers: headers)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Decodes a JSON object body.
func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw TestFailure("body is not a JSON object: \(text)")
    }
    return object
}

/// Encodes a JSON value as text.
func jsonText(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
}

/// Polls `condition` until it holds or `timeout` passes; never a fixed sleep.
func eventually(
    timeout: Duration = .seconds(30), _ what: String, _ condition: @Sendable () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + TestTiming.scaled(timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    // One look after the deadline: a poller not scheduled for a while must not miss it.
    if try await condition() { return }
    throw TestFailure("condition never held: \(what)")
}
