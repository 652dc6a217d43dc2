import GatewayCore

/// A `message` object: the answer to a non-streamed request.
struct AnthropicWireResponse: Decodable {
    var id: String?
    var model: String?
    var content: [AnthropicWireContentBlock]
    var stopReason: String?
    var usage: AnthropicWireUsage?

    enum CodingKeys: String, CodingKey {
        case id, model, content, usage
        case stopReason = "stop_reason"
    }
}

/// A content block of an answer: `text`, `tool_use`, or one the gateway skips (`thinking`).
struct AnthropicWireContentBlock: Decodable {
    var type: String
    var text: String?
    var id: String?
    var name: String?
    var input: JSONValue?
}

/// Token counts; cache reads and writes are input tokens too.
struct AnthropicWireUsage: Decodable {
    var inputTokens: Int?
    var outputTokens: Int?
    var cacheCreationInputTokens: Int?
    var cacheReadInputTokens: Int?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheCreationInputTokens = "cache_creation_input_tokens"
        case cacheReadInputTokens = "cache_read_input_tokens"
    }

    /// All input tokens, cached or not; nil when the vendor sent none.
    var totalInput: Int? {
        guard inputTokens != nil || cacheCreationInputTokens != nil || cacheReadInputTokens != nil else { return nil }
        return (inputTokens ?? 0) + (cacheCreationInputTokens ?? 0) + (cacheReadInputTokens ?? 0)
    }
}

/// One event of a Messages stream; which fields are set depends on `type`.
struct AnthropicWireStreamEvent: Decodable {
    var type: String
    var message: StartMessage?
    var index: Int?
    var contentBlock: AnthropicWireContentBlock?
    var delta: Delta?
    var usage: AnthropicWireUsage?
    var error: AnthropicWireError?

    enum CodingKeys: String, CodingKey {
        case type, message, index, delta, usage, error
        case contentBlock = "content_block"
    }

    /// The `message` of `message_start`.
    struct StartMessage: Decodable {
        var usage: AnthropicWireUsage?
    }

    /// The `delta` of `content_block_delta` and `message_delta`.
    struct Delta: Decodable {
        var type: String?
        var text: String?
        var partialJSON: String?
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case type, text
            case partialJSON = "partial_json"
            case stopReason = "stop_reason"
        }
    }
}

/// The `error` of an error body or an `event: error`.
struct AnthropicWireError: Decodable {
    var type: String?
    var message: String?
}
