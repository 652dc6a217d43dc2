import ArgumentParser
import GatewayCore
import GatewayServer

/// `llm-gateway check-policy FILE`: validates a policy file; errors name file:line.
struct CheckPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-policy",
        abstract: "Validate a gateway policy file.")

    @Argument(help: "The policy file (YAML).")
    var file: String

    func run() throws {
        do {
            let policy = try Gateway.loadPolicy(path: file)
            print("\(file): OK (\(policy.providers.count) providers, \(policy.aliases.count) model aliases)")
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
