import AsyncHTTPClient
import Foundation
import GatewayTesting
import SalesAgent
import SalesCore

/// The agent pipeline with the gateway backend, pointed at a real gateway and simulator.
enum AgentHarness {
    /// A gateway policy serving the agent's aliases from the simulator (OpenAI wire format);
    /// `fastCache` is the `fast` alias's `cache:` value, if any.
    static func policy(_ simURL: String, fastCache: String? = nil) -> String {
        let cacheLine = fastCache.map { "\n    cache: \($0)" } ?? ""
        return """
        providers:
          sim:
            kind: openai
            base_url: \(simURL)
            forward_headers: [x-request-tag]
            retry: {max_attempts: 1}
        models:
          fast:\(cacheLine)
            strategy: single
            routes: [{provider: sim, model: sim-fast}]
          smart:
            strategy: single
            routes: [{provider: sim, model: sim-smart}]
        """
    }

    /// A simulator profile with no latency whose script answers from `lines`.
    static func profile(script: String, extra: String = "") -> String {
        """
        seed: 3
        responder: script
        script: \(script)
        defaults:
          ttft_ms: {median: 0, p95: 0}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 0
        \(extra)
        """
    }

    /// Writes a script file and returns its path.
    static func script(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func line(tag: String, message: String, response: String) -> String {
        let object = ["tag": tag, "message": message, "response": response]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func pipeline(
        gatewayURL: String, client: HTTPClient, mode: PipelineConfiguration.Mode = .parallel, stepBudget: Duration = .seconds(30),
        shape: PromptShape = .full
    ) throws -> TurnPipeline {
        try AgentSetup.pipeline(
            options: AgentOptions(
                backend: .gateway, gatewayURL: gatewayURL,
                pipeline: PipelineConfiguration(mode: mode, stepBudget: stepBudget, generateBudget: stepBudget, shape: shape),
                acceptSimulatedReplies: true),
            client: client)
    }
}
