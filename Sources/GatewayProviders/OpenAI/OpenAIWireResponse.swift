/// A `chat.completion` object.
struct OpenAIWireResponse: Decodable, Equatable {
    var id: String?
    var model: String?
    var choices: [Choice]
    var usage: OpenAIWireUsage?
    var systemFingerprint: String?

    enum CodingKeys: String, CodingKey {
        case id, model, choices, usage
        case systemFingerprint = "system_fingerprint"
    }

    struct Choice: Decodable, Equatable {
        var index: Int?
        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable, Equatable {
        var content: String?
        var refusal: String?
        var toolCalls: [OpenAIWireToolCall]?

        enum CodingKeys: String, CodingKey {
            case content, refusal
            case toolCalls = "tool_calls"
        }
    }
}

/// Token counts of a completion or of the final stream chunk.
struct OpenAIWireUsage: Decodable, Equatable {
    var promptTokens: Int
    var completionTokens: Int
    var promptTokensDetails: Details?
    var completionTokensDetails: Details?

    struct Details: Decodable, Equatable {
        var cachedTokens: Int?
        var reasoningTokens: Int?

        enum CodingKeys: String, CodingKey {
            case cachedTokens = "cached_tokens"
            case reasoningTokens = "reasoning_tokens"
        }
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case promptTokensDetails = "prompt_tokens_details"
        case completionTokensDetails = "completion_tokens_details"
    }
}

/// One `chat.completion.chunk` of a stream, or an in-stream `{"error": ...}`; read from the
/// parsed tree by `init(json:)` (OpenAIWireChunk+JSON.swift), not through `Codable`.
struct OpenAIWireChunk: Equatable {
    var choices: [Choice]?
    var usage: OpenAIWireUsage?
    var error: OpenAIWireError?

    struct Choice: Equatable {
        var index: Int?
        var delta: Delta?
        var finishReason: String?
    }

    struct Delta: Equatable {
        var content: String?
        var refusal: String?
        var toolCalls: [ToolCallDelta]?
    }

    struct ToolCallDelta: Equatable {
        var index: Int?
        var id: String?
        var function: FunctionDelta?
    }

    struct FunctionDelta: Equatable {
        var name: String?
        var arguments: String?
    }
}

/// The body of an OpenAI error.
struct OpenAIWireError: Decodable, Equatable {
    var message: String?
    var type: String?
}
