import ArgumentParser
import SalesAgent
import SalesCore

/// `sales-agent prompts [--stats]`: the prompts of a sample turn, and token counts of the
/// compact and verbose variants.
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prompts", abstract: "Show the prompts and their token counts.")

    @Flag(help: "Only print token counts per step for both variants.")
    var stats = false

    @Option(help: "Playbook file (default: the embedded policies/playbook.yaml).")
    var playbook: String?

    func run() throws {
        let loaded = try AgentSetup.playbook(path: playbook)
        let input = PromptInput(
            message: "That's more than we budgeted, we have about $20k for this year.",
            context: SlotValues([.companyName: "Acme Logistics", .contactName: "Priya", .painPoint: "manual dispatch"]),
            history: [
                .init(role: "customer", text: "We dispatch 40 trucks by hand every morning."),
                .init(role: "agent", text: "That sounds slow. What does a bad morning cost you?"),
            ])
        let principle = loaded.principle(named: "label_the_concern") ?? loaded.principles[0]
        func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        print(pad("step", 10, right: false) + pad("verbose", 9) + pad("compact", 9) + pad("saved", 7))
        for step in ["capture", "detect", "generate"] {
            let counts = PromptVariant.allCases.map { variant -> Int in
                let builder = PromptBuilder(playbook: loaded, variant: variant)
                let messages: [PromptMessage]
                switch step {
                case "capture": messages = builder.capture(input)
                case "detect": messages = builder.detect(input)
                default: messages = builder.generate(input, principle: principle, situation: .objectionPrice)
                }
                if !stats {
                    print("── \(step) (\(variant.rawValue)) ──")
                    for message in messages { print("[\(message.role)]\n\(message.content)") }
                }
                return TokenEstimate.tokens(messages)
            }
            let (compact, verbose) = (counts[0], counts[1])
            let saved = verbose == 0 ? 0 : 100 * Double(verbose - compact) / Double(verbose)
            print(pad(step, 10, right: false) + pad("\(verbose)", 9) + pad("\(compact)", 9) + pad(String(format: "%.0f%%", saved), 7))
        }
        print("(tokens estimated as ceil(UTF-8 bytes / 4) + 4 per message)")
    }
}
