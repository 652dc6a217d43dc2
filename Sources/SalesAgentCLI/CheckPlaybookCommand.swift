import ArgumentParser
import SalesAgent

/// `sales-agent check-playbook [FILE]`: validates a playbook; errors name file:line.
struct CheckPlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-playbook", abstract: "Validate a sales playbook file.")

    @Argument(help: "The playbook file (default: policies/playbook.yaml).")
    var file = "policies/playbook.yaml"

    func run() throws {
        do {
            let playbook = try AgentSetup.playbook(path: file)
            print("\(file): OK (\(playbook.principles.count) principles, \(playbook.rules.count) rules)")
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
