import ArgumentParser
import Foundation
import SalesAgent
import SalesCore

/// Options every command that runs the pipeline shares.
struct AgentCommandOptions: ParsableArguments {
    @Option(help: "Who answers the LLM steps: local (offline) or gateway.")
    var backend: AgentBackend = .local

    @Option(help: "The llm-gateway base URL: http://HOST:PORT, or unix:PATH for its --unix-socket.")
    var gatewayURL = "http://127.0.0.1:8787"

    @Option(help: "Environment variable holding this agent's tenant key for a gateway with `tenants:` (never pass the key itself).")
    var gatewayKeyEnv = "GATEWAY_API_KEY"

    @Option(help: "Playbook file (default: the embedded policies/playbook.yaml).")
    var playbook: String?

    @Option(help: "Local engine model file (default: the shipped policies/local-model.json).")
    var model: String?

    @Option(help: "Prompt variant: compact or verbose.")
    var variant: PromptVariant = .compact

    @Option(help: "Pipeline: parallel (capture ∥ detect + reconcile) or sequential.")
    var mode: PipelineConfiguration.Mode = .parallel

    @Option(help: "What capture and detect see besides the message: full (context and recent history) or cacheable (capture: the message alone; detect: the message + turn, known slot names and the agent's last message).")
    var promptShape: PromptShape = .full

    @Option(help: "What a reconcile trigger leads to: \(ReconcilePolicy.Mode.allCases.map(\.rawValue).joined(separator: ", ")) (docs/bench/reconcile.md).")
    var reconcile: ReconcilePolicy.Mode = ReconcilePolicy.defaultMode

    @Option(help: "Milliseconds an LLM step may take before the local engine answers.")
    var stepBudgetMs = 2_000

    var agentOptions: AgentOptions {
        AgentOptions(
            backend: backend, gatewayURL: gatewayURL, playbookPath: playbook, modelPath: model, variant: variant,
            pipeline: PipelineConfiguration(
                mode: mode, reconcile: ReconcilePolicy(mode: reconcile), stepBudget: .milliseconds(stepBudgetMs), shape: promptShape),
            gatewayKey: ProcessInfo.processInfo.environment[gatewayKeyEnv])
    }
}

extension AgentBackend: ExpressibleByArgument {}
extension PromptVariant: ExpressibleByArgument {}
extension PromptShape: ExpressibleByArgument {}
extension PipelineConfiguration.Mode: ExpressibleByArgument {}
extension ReconcilePolicy.Mode: ExpressibleByArgument {}
