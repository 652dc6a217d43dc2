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

    public init(inputTokens: Int, outputTokens: Int) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    public var totalTokens: Int { inputTokens + outputTokens }
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

    public init(
        id: String,
        model: String,
        text: String,
        toolCalls: [ToolCall] = [],
        finishReason: FinishReason,
        usage: Usage?
    ) {
        self.id = id
        self.model = model
        self.text = text
        self.toolCalls = toolCalls
        self.finishReason = finishReason
        self.usage = usage
    }
}
