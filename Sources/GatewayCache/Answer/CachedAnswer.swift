import GatewayCore

/// The value of the exact tier: a completed canonical answer, who produced it and when.
public struct CachedAnswer: Sendable, Hashable {
    /// The answer's text.
    public var text: String
    /// Tool calls the model asked for.
    public var toolCalls: [ToolCall]
    /// Why the model stopped (only `stop` and `tool_calls` are ever stored).
    public var finishReason: FinishReason
    /// Token counts of the original call, if the provider reported them.
    public var usage: Usage?
    /// The provider that answered originally.
    public var provider: String
    /// The provider's model id that answered originally.
    public var model: String
    /// When the answer was stored.
    public var createdAt: CacheInstant
    /// When it stops being served.
    public var expiresAt: CacheInstant

    /// An answer with every field given.
    public init(
        text: String, toolCalls: [ToolCall] = [], finishReason: FinishReason, usage: Usage?,
        provider: String, model: String, createdAt: CacheInstant, expiresAt: CacheInstant
    ) {
        self.text = text
        self.toolCalls = toolCalls
        self.finishReason = finishReason
        self.usage = usage
        self.provider = provider
        self.model = model
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// The answer to store for `response`, produced by `provider`, kept for `ttl` from `now`.
    public init(response: ChatResponse, provider: String, now: CacheInstant, ttl: Duration) {
        self.init(
            text: response.text, toolCalls: response.toolCalls,
            finishReason: response.finishReason, usage: response.usage,
            provider: provider, model: response.model, createdAt: now, expiresAt: now + ttl)
    }

    /// The answer as a response with a fresh `id`, to encode for the client.
    public func response(id: String) -> ChatResponse {
        ChatResponse(
            id: id, model: model, text: text, toolCalls: toolCalls,
            finishReason: finishReason, usage: usage)
    }

    /// True while `now` is before the expiry.
    public func isLive(at now: CacheInstant) -> Bool { now < expiresAt }

    /// The time left before expiry at `now` (zero when expired).
    public func remainingTTL(at now: CacheInstant) -> Duration {
        max(expiresAt - now, .zero)
    }
}
