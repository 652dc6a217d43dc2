import Foundation
import GatewayTesting
import SalesAgent
import SalesCore
import Testing

/// Issue 14: the sidecar's natural transport. The agent talks to the gateway over its Unix
/// domain socket (`--gateway-url unix:PATH`), through the real pipeline.
@Suite("Agent → gateway over a Unix domain socket", .timeLimit(.minutes(2)))
struct UnixSocketTests {
    @Test func aTurnRunsOverTheGatewaysSocket() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sock-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gateway.sock").path
        // A stale socket file from an earlier run (bound, closed, never unlinked) is replaced.
        try Self.leaveStaleSocket(at: path)
        let message = AgentPipelineLoopbackTests.message
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: message, response: #"{"slots":{"company_name":"Acme Logistics"}}"#),
            AgentHarness.line(tag: "detect", message: message, response: #"{"situation":"discovery_share","confidence":0.93}"#),
            AgentHarness.line(tag: "generate", message: message, response: "Over the socket."),
        ])
        try await GatewayHarness.run(
            simProfile: AgentHarness.profile(script: script), policy: { AgentHarness.policy($0) }, unixSocket: path
        ) { harness in
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect(attributes[.type] as? FileAttributeType == .typeSocket)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o660)
            let pipeline = try AgentHarness.pipeline(gatewayURL: "unix:" + path, client: harness.client)
            let (result, _) = await pipeline.run(SessionState(id: "socket"), message: message)
            #expect(result.steps.generate.backend == "gateway:smart", "\(result.steps)")
            #expect(result.reply == "Over the socket.")
            #expect(harness.sim.stats().byTag["generate"] == 1)
        }
    }

    static func leaveStaleSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        #expect(bound == 0)
    }
}
