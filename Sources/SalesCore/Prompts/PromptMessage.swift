/// One chat message of a prompt.
public struct PromptMessage: Sendable, Hashable, Codable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// Which wording of the prompts to use: compact (slot names, JSON-only answers) or the
/// verbose baseline the plan started from (descriptions and instructions in prose).
public enum PromptVariant: String, Sendable, Hashable, CaseIterable, Codable {
    case compact
    case verbose
}

/// A token estimate shared by the agent and the simulator: ceil(UTF-8 bytes / 4) per
/// message plus 4 for its framing. Consistent across variants, which is what the
/// comparison needs; not any vendor's exact tokenizer.
public enum TokenEstimate {
    public static func tokens(_ messages: [PromptMessage]) -> Int {
        messages.reduce(0) { $0 + ($1.content.utf8.count + 3) / 4 + 4 }
    }
}
