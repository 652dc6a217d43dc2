import ArgumentParser
import AsyncHTTPClient
import Foundation
import SalesAgent
import SalesCore

/// `sales-agent chat`: an interactive conversation in the terminal, showing per turn the
/// situation, captured slots, principle, timings and who answered each step.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Talk to the agent in the terminal.")

    @OptionGroup var agent: AgentCommandOptions

    func run() async throws {
        try await AgentHTTPClient.with(needed: agent.backend == .gateway) { client in
            try await converse(pipeline: AgentSetup.pipeline(options: agent.agentOptions, client: client))
        }
    }

    private func converse(pipeline: TurnPipeline) async throws {
        var state = SessionState(id: "chat")
        print("sales-agent chat (\(agent.backend.rawValue) backend). Type a customer message; an empty line or Ctrl-D ends.")
        while !state.closed {
            print("customer> ", terminator: "")
            fflush(nil)
            guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            print("agent> ", terminator: "")
            fflush(nil)
            let (result, next) = await pipeline.run(state, message: line) { delta in
                print(delta, terminator: "")
                fflush(nil)
            }
            state = next
            print("")
            TurnPrinter.details(result, context: state.context)
        }
        if state.closed { print("(session closed for outreach)") }
    }
}

/// Prints a turn's details under its reply.
enum TurnPrinter {
    static func details(_ result: TurnResult, context: SlotValues) {
        let slots = result.capturedSlots.entries.map { "\($0.slot.rawValue)=\"\($0.value)\"" }.joined(separator: " ")
        let decided = result.decidedBy == .optOutGuard ? " decided by the opt-out guard (\(result.optOutRule ?? ""))" : ""
        print(String(format: "  situation %@ (%.2f)%@   principle %@ [%@]", result.situation.rawValue, result.confidence, decided, result.principle, result.rule))
        if !slots.isEmpty { print("  captured  \(slots)") }
        let timings = result.timings
        print(String(
            format: "  ms        capture %.1f  detect %.1f  reconcile %.1f  select %.3f  generate %.1f  total %.1f%@",
            timings.capture, timings.detect, timings.reconcile, timings.select, timings.generate, timings.total,
            result.reconciled ? "  (reconciled: \(result.reconcileReasons.map(\.rawValue).joined(separator: ",")))" : ""))
        print("  backends  \(result.backendSummary)")
    }
}
