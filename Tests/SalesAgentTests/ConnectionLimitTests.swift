import Foundation
import GatewayTesting
import HTTPServerGuards
import Testing

/// Issue 8, finding 3 on the agent's server: the same guards as the gateway's, errors in
/// the agent's own JSON shape.
@Suite("Agent server connection limits", .timeLimit(.minutes(2)))
struct AgentConnectionLimitTests {
    /// Short head limit; a long idle limit, so only the head timer can cut a connection.
    static let limits = ServerLimits(
        headTimeout: .milliseconds(300), bodyTimeout: .milliseconds(500), idleTimeout: .seconds(60), maxConnections: 3)
    /// Short idle limit; long head limit, so only the idle timer can close a connection.
    static let idleLimits = ServerLimits(
        headTimeout: .seconds(60), bodyTimeout: .seconds(60), idleTimeout: .milliseconds(300), maxConnections: 3)

    static func port(_ agent: AgentHarness) -> Int {
        Int(agent.baseURL.split(separator: ":").last!)!
    }

    @Test func aTrickledHeadIsCut() async throws {
        try await AgentHarness.run(limits: Self.limits) { agent in
            let trickler = try await RawConnection.open(port: Self.port(agent))
            let head = "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nX-Filler: " + String(repeating: "a", count: 1000) + "\r\n\r\n"
            for character in head where !trickler.isClosed {
                try? await trickler.send(String(character))
                try await Task.sleep(for: .milliseconds(20))
            }
            try await eventually("the trickler was cut") { trickler.isClosed }
            #expect(trickler.text.hasPrefix("HTTP/1.1 408"), "\(trickler.text)")
            #expect(trickler.text.contains(#""code":"request_timeout""#))
        }
    }

    /// Long head and idle limits: only the parser error can end the connection.
    @Test func garbageGetsAJSON400() async throws {
        let patient = ServerLimits(headTimeout: .seconds(60), bodyTimeout: .seconds(60), idleTimeout: .seconds(60), maxConnections: 3)
        try await AgentHarness.run(limits: patient) { agent in
            let garbage = try await RawConnection.open(port: Self.port(agent))
            try await garbage.send("NOT HTTP\u{01}\r\n\r\n")
            try await eventually("garbage was answered") { garbage.isClosed }
            #expect(garbage.text.hasPrefix("HTTP/1.1 400"), "\(garbage.text)")
            #expect(garbage.text.contains(#""code":"bad_request""#))
        }
    }

    @Test func idleConnectionsClose() async throws {
        try await AgentHarness.run(limits: Self.idleLimits) { agent in
            let idle = try await RawConnection.open(port: Self.port(agent))
            try await idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            try await eventually("the idle connection closed") { idle.isClosed }
            #expect(idle.text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func pastTheCapOneConnectionGets503() async throws {
        let patient = ServerLimits(headTimeout: .seconds(60), bodyTimeout: .seconds(60), idleTimeout: .seconds(60), maxConnections: 3)
        try await AgentHarness.run(limits: patient) { agent in
            let port = Self.port(agent)
            // Admission happens on several event loops: exactly one of four is refused.
            var opened: [RawConnection] = []
            for _ in 0..<4 { opened.append(try await RawConnection.open(port: port)) }
            let connections = opened
            try await eventually("one connection was refused") { connections.contains { $0.text.hasPrefix("HTTP/1.1 503") } }
            let refused = connections.filter { $0.text.hasPrefix("HTTP/1.1 503") }
            #expect(refused.count == 1)
            #expect(refused.first?.text.contains(#""code":"too_many_connections""#) == true)
            for connection in connections { await connection.close() }
            try await eventually("served again") { (try? await agent.get("/health").status) == 200 }
        }
    }
}
