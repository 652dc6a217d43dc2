import Foundation
import GatewayCache
import GatewayCore

/// Requests and answers shared by the cache tests.
enum Fixtures {
    static let weatherSchemaJSON = """
        {"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city"]}
        """
    /// The same schema with its keys in another order and other whitespace.
    static let weatherSchemaJSONReordered = """
        {
          "required" : [ "city" ],
          "properties" : { "days" : { "type" : "integer" },   "city" : { "type" : "string" } },
          "type" : "object"
        }
        """

    static func json(_ text: String) -> JSONValue {
        // Test input is well-formed; a decoding failure is a broken fixture.
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }

    static func request(schema: String = weatherSchemaJSON) -> ChatRequest {
        ChatRequest(
            model: "fast",
            messages: [
                ChatMessage(role: .system, text: "You are terse."),
                ChatMessage(role: .user, text: "Weather in Paris?"),
            ],
            temperature: 0,
            topP: 1,
            maxTokens: 64,
            stop: ["\n\n"],
            responseFormat: .jsonObject,
            tools: [ToolDefinition(name: "weather", description: "Forecast", parameters: json(schema))],
            toolChoice: .auto)
    }

    static func answer(text: String = "Sunny.", now: CacheInstant, ttl: Duration = .seconds(60)) -> CachedAnswer {
        CachedAnswer(
            text: text, toolCalls: [], finishReason: .stop,
            usage: Usage(inputTokens: 12, outputTokens: 3), provider: "sim", model: "sim-fast",
            createdAt: now, expiresAt: now + ttl)
    }

    static let t0 = CacheInstant(millisecondsSince1970: 1_767_225_600_000)
}
