import GatewayCore

/// The body of `POST /v1/chat/completions`, as OpenAI documents it, plus the client's
/// unknown top-level fields (`extra`), which never overwrite a documented one.
struct OpenAIWireRequest: Encodable {
    var model: String
    var messages: [OpenAIWireMessage]
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var stop: [String]?
    var responseFormat: OpenAIWireResponseFormat?
    var user: String?
    var tools: [OpenAIWireTool]?
    var toolChoice: OpenAIWireToolChoice?
    var stream: Bool?
    var streamOptions: OpenAIWireStreamOptions?
    var n: Int?
    var seed: Int?
    var presencePenalty: Double?
    var frequencyPenalty: Double?
    var logitBias: [String: Int]?
    var logprobs: Bool?
    var topLogprobs: Int?
    var parallelToolCalls: Bool?
    var reasoningEffort: String?
    var metadata: [String: String]?
    var store: Bool?
    var serviceTier: String?
    var extra: [String: JSONValue] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, messages, temperature, stop, user, tools, stream, n, seed, logprobs, metadata, store
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case responseFormat = "response_format"
        case toolChoice = "tool_choice"
        case streamOptions = "stream_options"
        case presencePenalty = "presence_penalty"
        case frequencyPenalty = "frequency_penalty"
        case logitBias = "logit_bias"
        case topLogprobs = "top_logprobs"
        case parallelToolCalls = "parallel_tool_calls"
        case reasoningEffort = "reasoning_effort"
        case serviceTier = "service_tier"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encodeIfPresent(temperature, forKey: .temperature)
        try container.encodeIfPresent(topP, forKey: .topP)
        try container.encodeIfPresent(maxTokens, forKey: .maxTokens)
        try container.encodeIfPresent(maxCompletionTokens, forKey: .maxCompletionTokens)
        try container.encodeIfPresent(stop, forKey: .stop)
        try container.encodeIfPresent(responseFormat, forKey: .responseFormat)
        try container.encodeIfPresent(user, forKey: .user)
        try container.encodeIfPresent(tools, forKey: .tools)
        try container.encodeIfPresent(toolChoice, forKey: .toolChoice)
        try container.encodeIfPresent(stream, forKey: .stream)
        try container.encodeIfPresent(streamOptions, forKey: .streamOptions)
        try container.encodeIfPresent(n, forKey: .n)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(presencePenalty, forKey: .presencePenalty)
        try container.encodeIfPresent(frequencyPenalty, forKey: .frequencyPenalty)
        try container.encodeIfPresent(logitBias, forKey: .logitBias)
        try container.encodeIfPresent(logprobs, forKey: .logprobs)
        try container.encodeIfPresent(topLogprobs, forKey: .topLogprobs)
        try container.encodeIfPresent(parallelToolCalls, forKey: .parallelToolCalls)
        try container.encodeIfPresent(reasoningEffort, forKey: .reasoningEffort)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(store, forKey: .store)
        try container.encodeIfPresent(serviceTier, forKey: .serviceTier)
        guard !extra.isEmpty else { return }
        let documented = Set(CodingKeys.allCases.map(\.rawValue))
        var extras = encoder.container(keyedBy: ExtraKey.self)
        for (key, value) in extra where !documented.contains(key) {
            try extras.encode(value, forKey: ExtraKey(key))
        }
    }
}

/// A member name known only at run time.
struct ExtraKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One message of the request.
struct OpenAIWireMessage: Encodable {
    var role: String
    var content: OpenAIWireContent?
    var name: String?
    var toolCalls: [OpenAIWireToolCall]?
    var toolCallID: String?

    enum CodingKeys: String, CodingKey {
        case role, content, name
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }
}

/// A message's content: a plain string or an array of typed parts.
enum OpenAIWireContent: Encodable {
    case text(String)
    case parts([OpenAIWirePart])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .parts(let parts): try container.encode(parts)
        }
    }
}

/// `{"type":"text","text":...}` or `{"type":"image_url","image_url":{"url":...}}`.
struct OpenAIWirePart: Encodable {
    var type: String
    var text: String?
    var imageURL: OpenAIWireImageURL?

    enum CodingKeys: String, CodingKey {
        case type, text
        case imageURL = "image_url"
    }
}

/// The `image_url` object of an image part.
struct OpenAIWireImageURL: Encodable {
    var url: String
}

/// A tool call, in requests (assistant history) and in responses.
struct OpenAIWireToolCall: Codable, Equatable {
    var id: String
    var type: String?
    var function: OpenAIWireFunctionCall
}

/// The function half of a tool call; `arguments` is JSON text.
struct OpenAIWireFunctionCall: Codable, Equatable {
    var name: String
    var arguments: String
}

/// `{"type":"function","function":{...}}`.
struct OpenAIWireTool: Encodable {
    var type = "function"
    var function: OpenAIWireFunction
}

/// A function the model may call.
struct OpenAIWireFunction: Encodable {
    var name: String
    var description: String?
    var parameters: JSONValue?
    var strict: Bool?
}

/// `"auto"`, `"none"`, `"required"` or `{"type":"function","function":{"name":...}}`.
enum OpenAIWireToolChoice: Encodable {
    case mode(String)
    case function(String)

    private struct Named: Encodable {
        var type = "function"
        var function: [String: String]
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .mode(let mode): try container.encode(mode)
        case .function(let name): try container.encode(Named(function: ["name": name]))
        }
    }
}

/// `{"type":"json_object"}` or `{"type":"json_schema","json_schema":{...}}`.
struct OpenAIWireResponseFormat: Encodable {
    var type: String
    var jsonSchema: OpenAIWireJSONSchema?

    enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }
}

/// The named schema of a `json_schema` response format.
struct OpenAIWireJSONSchema: Encodable {
    var name: String
    var schema: JSONValue
    var strict: Bool?
}

/// `{"include_usage": true}`.
struct OpenAIWireStreamOptions: Encodable {
    var includeUsage: Bool

    enum CodingKeys: String, CodingKey {
        case includeUsage = "include_usage"
    }
}
