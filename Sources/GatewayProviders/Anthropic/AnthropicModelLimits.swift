/// Anthropic requires `max_tokens`; when the client sets none, the model's documented
/// output limit is sent, so long answers are not cut (a guess of 1,024 did that).
enum AnthropicModelLimits {
    /// Model id prefixes and their maximum output tokens, most specific first.
    static let outputLimits: [(prefix: String, tokens: Int)] = [
        ("claude-opus-4-1", 32_000), ("claude-opus-4", 32_000),
        ("claude-sonnet-4", 64_000), ("claude-3-7-sonnet", 64_000),
        ("claude-haiku-4", 64_000),
        ("claude-3-5-sonnet", 8_192), ("claude-3-5-haiku", 8_192),
        ("claude-3-opus", 4_096), ("claude-3-sonnet", 4_096), ("claude-3-haiku", 4_096),
    ]
    /// For a model the table does not know: the smallest limit of any current model.
    static let unknownModelLimit = 4_096

    static func maxOutputTokens(model: String) -> Int {
        outputLimits.first { model.hasPrefix($0.prefix) }?.tokens ?? unknownModelLimit
    }
}
