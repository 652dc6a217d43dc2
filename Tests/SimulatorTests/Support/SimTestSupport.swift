import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@testable import Simulator

/// A profile with no latency and no faults, parsed from YAML (so tests also exercise the parser).
func zeroProfile(seed: UInt64 = 1, extra: String = "") throws -> SimProfile {
    try SimProfile.parse(yaml: "seed: \(seed)\n" + extra, file: "test.yaml")
}

/// Starts a simulator on an ephemeral loopback port, runs `body`, and always shuts the server down.
@discardableResult
func withSim<T>(_ profile: SimProfile, _ body: (SimServer) async throws -> T) async throws -> T {
    let server = try await SimServer.start(profile: profile, port: 0)
    do {
        let result = try await body(server)
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}

/// A finished HTTP exchange.
struct TestResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    /// The body parsed as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }
}

/// Sends one request over real loopback and reads the whole body.
func send(
    _ server: SimServer, _ path: String, method: HTTPMethod = .POST, json: Any? = nil, rawBody: String? = nil,
    headers: [(String, String)] = [], client: HTTPClient = .shared
) async throws -> TestResponse {
    var request = HTTPClientRequest(url: server.baseURL + path)
    request.method = method
    request.headers.add(contentsOf: headers)
    if let json {
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
    } else if let rawBody {
        request.body = .bytes(ByteBuffer(string: rawBody))
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 16 << 20)
    return TestResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
}

/// Reads a streamed body chunk by chunk; a connection error ends the read (returned as `error`).
func sendStreaming(
    _ server: SimServer, _ path: String, json: Any, headers: [(String, String)] = []
) async throws -> (status: Int, headers: HTTPHeaders, body: String, error: (any Error)?) {
    var request = HTTPClientRequest(url: server.baseURL + path)
    request.method = .POST
    request.headers.add(contentsOf: headers)
    request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    var text = ""
    do {
        for try await chunk in response.body {
            text += String(buffer: chunk)
        }
        return (Int(response.status.code), response.headers, text, nil)
    } catch {
        return (Int(response.status.code), response.headers, text, error)
    }
}

/// One server-sent event.
struct SSEEvent: Equatable {
    var event: String?
    var data: String

    /// `data` parsed as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
    }
}

/// Splits an SSE body into events (accepts `\n\n` and `\r\n\r\n` separators).
func parseSSE(_ body: String) -> [SSEEvent] {
    let normalized = body.replacingOccurrences(of: "\r\n", with: "\n")
    return normalized.components(separatedBy: "\n\n").compactMap { block in
        var event: String?
        var data: [String] = []
        for line in block.split(separator: "\n") {
            if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        return data.isEmpty ? nil : SSEEvent(event: event, data: data.joined(separator: "\n"))
    }
}

/// Polls `condition` until it holds or `seconds` pass; returns whether it held. Never sleeps for readiness.
func eventually(within seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

/// A minimal OpenAI chat body.
func openAIBody(_ message: String, stream: Bool = false, extra: [String: Any] = [:]) -> [String: Any] {
    var body: [String: Any] = ["model": "sim-small", "messages": [["role": "user", "content": message]], "stream": stream]
    body.merge(extra) { _, new in new }
    return body
}
