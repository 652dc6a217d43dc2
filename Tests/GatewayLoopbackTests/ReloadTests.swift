import GatewayTesting
import Foundation
import GatewayCore
import Testing

@Suite("Policy reload", .timeLimit(.minutes(2)))
struct ReloadTests {
    @Test func reloadKeepsInFlightRequestsAndRejectsABrokenFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await GatewayHarness.run(simProfile: SimProfiles.slowDecode, policy: { TestPolicies.basic($0) }, policyFile: file) { harness in
            // A request that is still streaming while the policy changes under it.
            let inFlight = Task {
                try await harness.chat(
                    GatewayHarness.body(model: "gemini-model", stream: true), headers: [("x-sim-output-tokens", "40")])
            }
            try await eventually("the slow request reached the simulator") { harness.sim.stats().inFlight >= 1 }

            let original = try String(contentsOfFile: file, encoding: .utf8)
            let withoutGemini = original.replacingOccurrences(of: "  gemini-model:\n", with: "  gemini-renamed:\n")
            try withoutGemini.write(toFile: file, atomically: true, encoding: .utf8)
            guard case .success = harness.gateway.reload() else {
                Issue.record("a valid policy must reload")
                return
            }
            let finished = try await inFlight.value
            #expect(finished.status == 200)
            #expect(finished.body.contains("[DONE]"), "the in-flight stream completed on its old policy")
            #expect(try await harness.chat(GatewayHarness.body(model: "gemini-model")).status == 404)
            #expect(try await harness.chat(GatewayHarness.body(model: "gemini-renamed")).status == 200)

            try "providers: {}\nmodels: [".write(toFile: file, atomically: true, encoding: .utf8)
            guard case .failure(let error) = harness.gateway.reload() else {
                Issue.record("a broken policy must be rejected")
                return
            }
            #expect(error.file == file)
            #expect(try await harness.chat(GatewayHarness.body(model: "gemini-renamed")).status == 200, "the old policy is kept")
            #expect(harness.logs.all.contains { $0.contains("policy reload rejected") })
        }
    }
}
