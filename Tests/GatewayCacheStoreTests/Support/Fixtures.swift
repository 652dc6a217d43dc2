import GatewayCache
import GatewayCore

enum Fixtures {
    static let request = ChatRequest(
        model: "fast", messages: [ChatMessage(role: .user, text: "Weather in Paris?")], temperature: 0)

    static func answer(now: CacheInstant = CacheInstant(millisecondsSince1970: 1_767_225_600_000), ttl: Duration = .seconds(3600)) -> CachedAnswer {
        CachedAnswer(
            text: "Sunny.", toolCalls: [ToolCall(id: "c1", name: "weather", arguments: "{}")], finishReason: .stop,
            usage: Usage(inputTokens: 9, outputTokens: 2), provider: "sim", model: "sim-fast",
            createdAt: now, expiresAt: now + ttl)
    }
}
