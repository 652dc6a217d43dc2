import ArgumentParser

/// `llm-gateway`: the LLM gateway sidecar and its provider simulator.
struct LLMGateway: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm-gateway",
        abstract: "An LLM gateway sidecar: one OpenAI-compatible endpoint in front of Anthropic, OpenAI, Gemini and OpenAI-compatible servers.",
        subcommands: [ServeCommand.self, SimCommand.self, CheckPolicyCommand.self, BenchCommand.self, CacheCommand.self, FloorCommand.self],
        defaultSubcommand: ServeCommand.self)
}
