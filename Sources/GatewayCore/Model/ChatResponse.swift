/// Why the model stopped.
public enum FinishReason: String, Sendable, Hashable, Codable {
    case stop
    case length
    case toolCalls = "tool_calls"
    case contentFilter = "content_filter"
}

/// Token counts as reported by the provider.
public struct Usage: Sendable, Hashable, Codable {
    public var inputTokens: Int
    public var outputTokens: Int
    /// Input tokens the provider served from its own prompt cache (OpenAI `cached_tokens`,
    /// Anthropic `cache_read_input_tokens`, Gemini `cachedContentTokenCount`).
    public var cachedInputTokens: Int?
    /// Output tokens spent on reasoning (OpenAI `reasoning_tokens`, Gemini `thoughtsTokenCount`).
    public var reasoningTokens: Int?

    public init(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
    }

    public var totalTokens: Int { inputTokens + outputTokens }
}

/// One of several answers to a request with `n > 1`: what a choice of index ≥ 1 holds
/// (choice 0 is the response's own text, tool calls and finish reason).
public struct ChatChoice: Sendable, Hashable {
    public var text: String
    public var toolCalls: [ToolCall]
    public var finishReason: FinishReason

    public init(text: String, toolCalls: [ToolCall] = [], finishReason: FinishReason) {
        self.text = text
        self.toolCalls = toolCalls
        self.finishReason = finishReason
    }
}

extension Usage {
    /// Two calls' token counts together (the choices of a fanned-out `n > 1` request).
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        func add(_ a: Int?, _ b: Int?) -> Int? { a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0) }
        return Usage(
            inputTokens: lhs.inputTokens + rhs.inputTokens, outputTokens: lhs.outputTokens + rhs.outputTokens,
            cachedInputTokens: add(lhs.cachedInputTokens, rhs.cachedInputTokens),
            reasoningTokens: add(lhs.reasoningTokens, rhs.reasoningTokens))
    }
}

/// A complete (non-streamed) answer in canonical form.
public struct ChatResponse: Sendable, Hashable {
    public var id: String
    /// The provider's model id that produced the answer.
    public var model: String
    public var text: String
    public var toolCalls: [ToolCall]
    public var finishReason: FinishReason
    public var usage: Usage?
    /// OpenAI's backend configuration fingerprint, when the provider sent one.
    public var systemFingerprint: String?
    /// Choices 1… of an `n > 1` answer, in index order; empty for one choice.
    public var otherChoices: [ChatChoice]

    public init(
        id: String,
        model: String,
        text: String,
        toolCalls: [ToolCall] = [],
        finishReason: FinishReason,
        usage: Usage?,
        systemFingerprint: String? = nil,
        otherChoices: [ChatChoice] = []
    ) {
        self.id = id
        self.model = model
        self.text = text
        self.toolCalls = toolCalls
        self.finishReason = finishReason
        self.usage = usage
        self.systemFingerprint = systemFingerprint
        self.otherChoices = otherChoices
    }

    /// Choice 0 as a ``ChatChoice``.
    public var firstChoice: ChatChoice {
        ChatChoice(text: text, toolCalls: toolCalls, finishReason: finishReason)
    }

    /// Every choice in index order.
    public var choices: [ChatChoice] { [firstChoice] + otherChoices }
}
