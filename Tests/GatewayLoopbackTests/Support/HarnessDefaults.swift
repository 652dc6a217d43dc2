import GatewayTesting

extension GatewayHarness {
    /// The harness with these tests' zero-latency simulator profile.
    static func run(
        policy: @Sendable (_ simURL: String) -> String,
        policyFile: String? = nil,
        environment: [String: String] = [:],
        _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        try await run(simProfile: SimProfiles.zero, policy: policy, policyFile: policyFile, environment: environment, body)
    }
}
