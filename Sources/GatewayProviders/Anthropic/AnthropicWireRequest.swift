import GatewayCore

/// The body of `POST /v1/messages`, as Anthropic documents it.
struct AnthropicWireRequest: Encodable {
    var model: String
    var maxTokens: Int
    var system: String?
    var messages: [AnthropicWireMessage]
    var temperature: Double?
    var topP: Double?
    var stopSequences: [String]?
    var tools: [AnthropicWireTool]?
    var toolChoice: AnthropicWireToolChoice?
    var metadata: AnthropicWireMetadata?
    var stream: Bool?

    enum CodingKeys: String, CodingKey {
        case model, system, messages, temperature, tools, metadata, stream
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case stopSequences = "stop_sequences"
        case toolChoice = "tool_choice"
    }
}

/// A `user` or `assistant` turn made of content blocks.
struct AnthropicWireMessage: Encodable {
    var role: String
    var content: [AnthropicWireBlock]
}

/// A content block of a request message.
enum AnthropicWireBlock: Encodable {
    case text(String)
    case image(AnthropicWireImageSource)
    case toolUse(id: String, name: String, input: JSONValue)
    case toolResult(toolUseID: String, content: String)

    private enum CodingKeys: String, CodingKey {
        case type, text, source, id, name, input, content
        case toolUseID = "tool_use_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .image(let source):
            try container.encode("image", forKey: .type)
            try container.encode(source, forKey: .source)
        case .toolUse(let id, let name, let input):
            try container.encode("tool_use", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(input, forKey: .input)
        case .toolResult(let toolUseID, let content):
            try container.encode("tool_result", forKey: .type)
            try container.encode(toolUseID, forKey: .toolUseID)
            try container.encode(content, forKey: .content)
        }
    }
}

/// `{"type":"base64","media_type":...,"data":...}` or `{"type":"url","url":...}`.
struct AnthropicWireImageSource: Encodable {
    var type: String
    var mediaType: String?
    var data: String?
    var url: String?

    enum CodingKeys: String, CodingKey {
        case type, data, url
        case mediaType = "media_type"
    }
}

/// A tool the model may use.
struct AnthropicWireTool: Encodable {
    var name: String
    var description: String?
    var inputSchema: JSONValue

    enum CodingKeys: String, CodingKey {
        case name, description
        case inputSchema = "input_schema"
    }
}

/// `{"type":"auto"|"any"|"none"}` or `{"type":"tool","name":...}`.
struct AnthropicWireToolChoice: Encodable {
    var type: String
    var name: String?
    var disableParallelToolUse: Bool?

    enum CodingKeys: String, CodingKey {
        case type, name
        case disableParallelToolUse = "disable_parallel_tool_use"
    }
}

/// `{"user_id": ...}`.
struct AnthropicWireMetadata: Encodable {
    var userID: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
    }
}
