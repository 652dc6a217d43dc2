import Foundation
import GatewayTesting
import Simulator
import Testing

/// Issue 12 §3: HTTP/2 to a provider for real. The simulator serves TLS with ALPN h2 +
/// http/1.1 on a CA it made at start; the provider's `ca_file` trusts that CA and nothing
/// else, so a provider without it is refused rather than trusted.
@Suite("HTTP/2 to a TLS upstream", .timeLimit(.minutes(2)))
struct HTTP2UpstreamTests {
    /// A policy with one OpenAI provider at the TLS simulator, trusting `caFile` if given.
    static func policy(_ simURL: String, caFile: String?) -> String {
        """
        server:
          default_timeout_ms: 20000
        providers:
          tls:
            kind: openai
            base_url: \(simURL)
        \(caFile.map { "    ca_file: \($0)" } ?? "")
            retry: {max_attempts: 1}
        models:
          m:
            strategy: single
            routes: [{provider: tls, model: gpt-sim}]
        """
    }

    /// Writes the CA's PEM to a new temporary file.
    static func caFile(_ certificates: SimCertificates) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sim-ca-\(UUID().uuidString).pem").path
        try certificates.authorityPEM.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let question = #"{"model":"m","messages":[{"role":"user","content":"What does the Pro plan cost?"}]}"#

    @Test func concurrentRequestsAreMultiplexedOverOneConnection() async throws {
        let certificates = try SimCertificates.make(now: Date())
        let ca = try Self.caFile(certificates)
        defer { try? FileManager.default.removeItem(atPath: ca) }
        try await GatewayHarness.run(
            simProfile: SimProfiles.zero, policy: { Self.policy($0, caFile: ca) }, simTLS: SimTLS(certificates: certificates)
        ) { harness in
            #expect(harness.sim.baseURL.hasPrefix("https://"))
            let first = try await harness.chat(Self.question)
            #expect(first.status == 200, "\(first.body)")
            let connections = harness.sim.connectionsAccepted
            #expect(connections >= 1)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<24 { group.addTask { try await harness.chat(Self.question).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 24))
            let streamed = try await harness.chat(
                #"{"model":"m","stream":true,"messages":[{"role":"user","content":"Hi"}]}"#)
            #expect(streamed.status == 200)
            #expect(streamed.body.contains("data: [DONE]"), "\(streamed.body)")
            #expect(harness.sim.connectionsAccepted == connections, "the burst opened no new connection")
            let versions = Set(harness.sim.stats().recent.map(\.httpVersion))
            #expect(versions == ["2"], "every request came over HTTP/2: \(versions)")
        }
    }

    @Test func withoutTheCAFileTheCertificateIsRefused() async throws {
        let certificates = try SimCertificates.make(now: Date())
        try await GatewayHarness.run(
            simProfile: SimProfiles.zero, policy: { Self.policy($0, caFile: nil) }, simTLS: SimTLS(certificates: certificates)
        ) { harness in
            let reply = try await harness.chat(Self.question)
            #expect(reply.status >= 500, "\(reply.body)")
            #expect(harness.sim.stats().requests == 0, "no request got past the TLS handshake")
        }
    }

    @Test func anUnreadableCAFileDisablesTheProviderAndSaysWhy() async throws {
        let certificates = try SimCertificates.make(now: Date())
        let missing = "/nonexistent/sim-ca.pem"
        try await GatewayHarness.run(
            simProfile: SimProfiles.zero, policy: { Self.policy($0, caFile: missing) }, simTLS: SimTLS(certificates: certificates)
        ) { harness in
            let reply = try await harness.chat(Self.question)
            #expect(reply.status >= 500)
            let said = harness.logs.all.filter { $0.contains("provider disabled") }
            #expect(said.contains { $0.contains("ca_file \(missing)") }, "\(harness.logs.all)")
        }
    }

    /// A reload reads the `ca_file` again: new content under the same path is trusted at
    /// once, though the policy text did not change.
    @Test func aReloadPicksUpNewContentOfTheSameCAFile() async throws {
        let certificates = try SimCertificates.make(now: Date())
        let stranger = try SimCertificates.make(now: Date())
        let ca = try Self.caFile(stranger)
        defer { try? FileManager.default.removeItem(atPath: ca) }
        let policyFile = FileManager.default.temporaryDirectory.appendingPathComponent("ca-reload-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: policyFile) }
        try await GatewayHarness.run(
            simProfile: SimProfiles.zero, policy: { Self.policy($0, caFile: ca) }, policyFile: policyFile,
            simTLS: SimTLS(certificates: certificates)
        ) { harness in
            let refused = try await harness.chat(Self.question)
            #expect(refused.status >= 500, "a CA that did not sign the simulator's certificate: \(refused.body)")
            #expect(harness.sim.stats().requests == 0)
            try certificates.authorityPEM.write(toFile: ca, atomically: true, encoding: .utf8)
            guard case .success = harness.gateway.reload() else {
                Issue.record("the unchanged policy must reload")
                return
            }
            let reply = try await harness.chat(Self.question)
            #expect(reply.status == 200, "the new CA content is trusted after the reload: \(reply.body)")
        }
    }
}
