import ArgumentParser

/// `sales-agent`: the thin sales agent that talks to `llm-gateway`.
@main
struct SalesAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sales-agent",
        abstract: "A sales conversation agent: capture ∥ detect → reconcile → select → generate, through llm-gateway or offline.",
        subcommands: [
            DemoCommand.self, ChatCommand.self, ServeCommand.self, EvalCommand.self, BenchCommand.self,
            ExportSimScriptCommand.self, PromptsCommand.self, CheckPlaybookCommand.self, CheckOptOutCommand.self, TrainLocalCommand.self,
        ])
}
