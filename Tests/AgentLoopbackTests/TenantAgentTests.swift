import AsyncHTTPClient
import Foundation
import GatewayTesting
import SalesAgent
import SalesCore
import Testing

/// Issue 14: an agent calls a gateway that has tenants with its own key (read from the
/// environment by `--gateway-key-env`); without the key every step falls back to local.
@Suite("Agent → gateway with tenants", .timeLimit(.minutes(2)))
struct TenantAgentTests {
    @Test func theAgentsKeyOpensTheGatewayAndNoKeyFallsBackToLocal() async throws {
        let message = AgentPipelineLoopbackTests.message
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "generate", message: message, response: "With a key."),
        ])
        let policy: @Sendable (String) -> String = {
            AgentHarness.policy($0) + "\ntenants:\n  agent-one: {key_env: AGENT_ONE_KEY}\n"
        }
        try await GatewayHarness.run(
            simProfile: AgentHarness.profile(script: script), policy: policy, environment: ["AGENT_ONE_KEY": "agent-one-key-31337"]
        ) { harness in
            // Step budgets far past a loopback call on a loaded machine (an ASan run with the
            // whole suite beside it took over the 3 s default): the verdict is about the key.
            let budgets = PipelineConfiguration(stepBudget: .seconds(30), generateBudget: .seconds(30))
            let keyed = try AgentSetup.pipeline(
                options: AgentOptions(backend: .gateway, gatewayURL: harness.gatewayURL, pipeline: budgets, gatewayKey: "agent-one-key-31337"),
                client: harness.client)
            let (answered, _) = await keyed.run(SessionState(id: "keyed"), message: message)
            #expect(answered.steps.generate.backend == "gateway:smart", "\(answered.steps)")
            #expect(answered.reply == "With a key.")
            let keyless = try AgentSetup.pipeline(
                options: AgentOptions(backend: .gateway, gatewayURL: harness.gatewayURL, pipeline: budgets), client: harness.client)
            let (refused, _) = await keyless.run(SessionState(id: "keyless"), message: message)
            #expect(refused.steps.generate.backend == "local")
            #expect(refused.steps.generate.fallbackReason?.contains("401") == true, "\(String(describing: refused.steps.generate.fallbackReason))")
        }
    }
}
