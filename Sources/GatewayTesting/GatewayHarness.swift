import AsyncHTTPClient
import Foundation
import GatewayCore
import GatewayServer
import Logging
import NIOCore
import NIOHTTP1
import Prometheus
import ServiceLifecycle
import TestSupport
import Simulator

/// A real simulator and a real gateway on loopback ports, with an HTTP client pointed at
/// the gateway. Everything is torn down when the body returns or throws.
public struct GatewayHarness: Sendable {
    public let gatewayURL: String
    public let sim: SimServer
    public let gateway: Gateway
    public let client: HTTPClient
    public let logs: LogCapture

    /// Headers the test policies forward to the simulator so tests can steer it.
    public static let simHeaders = "[x-request-tag, x-sim-fault, x-sim-fault-times, x-sim-fault-key, x-sim-ttft-ms, x-sim-output-tokens]"

    public static func run(
        simProfile: String,
        policy: @Sendable (_ simURL: String) -> String,
        policyFile: String? = nil,
        environment: [String: String] = [:],
        unixSocket: String? = nil,
        simTLS: SimTLS? = nil,
        _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        let sim = try await SimServer.start(
            profile: SimProfile.parse(yaml: simProfile, file: "test-sim.yaml"), port: 0, tls: simTLS)
        let policyText = policy(sim.baseURL)
        if let policyFile { try policyText.write(toFile: policyFile, atomically: true, encoding: .utf8) }
        let parsed = try PolicyLoader.parse(yaml: policyText, file: policyFile ?? "test-policy.yaml")
        let logs = LogCapture()
        var logger = Logger(label: "gateway-test", factory: { _ in logs.handler() })
        logger.logLevel = .info
        let registry = PrometheusCollectorRegistry()
        let gateway = Gateway(
            configuration: GatewayConfiguration(
                policy: parsed, policyPath: policyFile, environment: environment, simulatorURL: sim.baseURL, logger: logger),
            metrics: GatewayMetrics(factory: PrometheusMetricsFactory(registry: registry)))
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        var listeners: [GatewayApplication.Listener] = [.tcp(host: "127.0.0.1", port: 0)]
        if let unixSocket { listeners.append(.unixSocket(path: unixSocket)) }
        let (sockets, socketSink) = AsyncStream<Void>.makeStream()
        let apps = GatewayApplication.make(gateway: gateway, registry: registry, listeners: listeners, reloadOnSIGHUP: false) { listener, channel in
            switch listener {
            case .tcp: portSink.yield(channel.localAddress?.port ?? 0)
            case .unixSocket: socketSink.yield(())
            }
        }
        let group = ServiceGroup(configuration: .init(services: apps, logger: logger))
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var failure: (any Error)?
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do {
                    try await group.run()
                } catch {
                    logs.append("service group failed: \(error)")
                }
                portSink.finish()
                socketSink.finish()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                failure = HarnessError(message: "the gateway did not start: \(logs.all.joined(separator: "\n"))")
                return
            }
            if unixSocket != nil {
                var socketIterator = sockets.makeAsyncIterator()
                _ = await socketIterator.next()
            }
            let harness = GatewayHarness(
                gatewayURL: "http://127.0.0.1:\(port)", sim: sim, gateway: gateway, client: client, logs: logs)
            do {
                try await body(harness)
            } catch {
                failure = error
            }
            await group.triggerGracefulShutdown()
        }
        // Every one is shut down even when an earlier one fails: an AsyncHTTPClient left
        // running at its deinit (the gateway's own) traps and takes the whole test process down.
        var shutdownFailure: (any Error)?
        do { try await client.shutdown() } catch { shutdownFailure = error }
        do { try await gateway.shutdown() } catch { shutdownFailure = shutdownFailure ?? error }
        do { try await sim.shutdown() } catch { shutdownFailure = shutdownFailure ?? error }
        if let failure { throw failure }
        if let shutdownFailure { throw shutdownFailure }
    }

    /// Sends a chat completion; returns status, headers and the whole body.
    public func chat(
        _ json: String,
        headers: [(String, String)] = [],
        contentType: String = "application/json",
        timeout: TimeAmount = .seconds(30)
    ) async throws -> (status: Int, headers: HTTPHeaders, body: String) {
        try await post("/v1/chat/completions", body: json, headers: headers, contentType: contentType, timeout: timeout)
    }

    public func post(
        _ path: String,
        body: String,
        headers: [(String, String)] = [],
        contentType: String = "application/json",
        timeout: TimeAmount = .seconds(30)
    ) async throws -> (status: Int, headers: HTTPHeaders, body: String) {
        var request = HTTPClientRequest(url: gatewayURL + path)
        request.method = .POST
        request.headers.add(name: "content-type", value: contentType)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: timeout * TestTiming.scale)
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), response.headers, String(buffer: bytes))
    }

    public func get(_ path: String) async throws -> (status: Int, headers: HTTPHeaders, body: String) {
        let response = try await client.execute(HTTPClientRequest(url: gatewayURL + path), timeout: .seconds(10 * TestTiming.scale))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), response.headers, String(buffer: bytes))
    }

    /// Streams `request` and hangs up once more than `bytes` bytes of the body arrived (the
    /// response is dropped mid-body, as a client that leaves does); returns how many arrived.
    public func readThenHangUp(_ request: HTTPClientRequest, after bytes: Int) async throws -> Int {
        let client = self.client
        let reader = Task {
            let response = try await client.execute(request, timeout: .seconds(60 * TestTiming.scale))
            var received = 0
            for try await chunk in response.body {
                received += chunk.readableBytes
                if received > bytes { return received }
            }
            return received
        }
        return try await reader.value
    }

    /// A chat request body with one user message.
    public static func body(model: String, message: String = "hello there", stream: Bool = false, extra: String = "") -> String {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"model":"\#(model)","messages":[{"role":"user","content":"\#(escaped)"}],"stream":\#(stream)\#(extra)}"#
    }
}

/// Polls `condition` until it holds or `timeout` passes; never a fixed sleep. The default
/// is generous: a condition that holds returns at once, and a loaded 2-core machine can
/// take seconds to schedule what a test waits for.
public func eventually(
    timeout: Duration = .seconds(30),
    _ what: String,
    _ condition: @Sendable () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + TestTiming.scaled(timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw PollTimeout(what: what)
}

public struct HarnessError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

public struct PollTimeout: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "condition never held: \(what)" }
}

/// Decodes a JSON object body.
public func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw PollTimeout(what: "body is a JSON object: \(text)")
    }
    return object
}
