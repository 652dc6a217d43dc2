/// A tool the model may call.
public struct ToolDefinition: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// JSON schema of the arguments.
    public var parameters: JSONValue?
    /// OpenAI structured outputs: the arguments must match `parameters` exactly.
    public var strict: Bool?

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}

/// How the model may use the tools it was given.
public enum ToolChoice: Sendable, Hashable {
    case auto
    case none
    case required
    case function(String)
}

/// The shape the answer must take.
public enum ResponseFormat: Sendable, Hashable {
    case text
    case jsonObject
    /// `strict: true` asks the provider to guarantee the schema (OpenAI structured outputs).
    case jsonSchema(name: String, schema: JSONValue, strict: Bool? = nil)
}

/// A chat completion request in the gateway's canonical form. `model` is the policy alias
/// the client asked for; providers receive their own model id separately.
public struct ChatRequest: Sendable, Hashable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var stop: [String]
    public var responseFormat: ResponseFormat?
    public var user: String?
    public var tools: [ToolDefinition]
    public var toolChoice: ToolChoice?
    public var stream: Bool
    /// OpenAI `stream_options.include_usage`: send a final usage chunk.
    public var includeUsage: Bool
    /// OpenAI `n`: how many choices to answer with; nil means one (so a one-choice request
    /// encodes, and caches, exactly as before the field existed).
    public var n: Int?
    /// Seed, penalties, logprobs and the rest that can change the answer.
    public var options: GenerationOptions
    /// Metadata, store, service tier: forwarded where understood, never part of a cache key.
    public var service: ServiceOptions
    /// Top-level fields the gateway does not know, passed as they are to providers that speak
    /// the client's wire format (OpenAI-compatible), refused by name by the others.
    public var extra: [String: JSONValue]

    public init(
        model: String,
        messages: [ChatMessage],
        temperature: Double? = nil,
        topP: Double? = nil,
        maxTokens: Int? = nil,
        stop: [String] = [],
        responseFormat: ResponseFormat? = nil,
        user: String? = nil,
        tools: [ToolDefinition] = [],
        toolChoice: ToolChoice? = nil,
        stream: Bool = false,
        includeUsage: Bool = false,
        n: Int? = nil,
        options: GenerationOptions = GenerationOptions(),
        service: ServiceOptions = ServiceOptions(),
        extra: [String: JSONValue] = [:]
    ) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.stop = stop
        self.responseFormat = responseFormat
        self.user = user
        self.tools = tools
        self.toolChoice = toolChoice
        self.stream = stream
        self.includeUsage = includeUsage
        self.n = n
        self.options = options
        self.service = service
        self.extra = extra
    }

    /// The number of choices the answer must carry (`n`, at least 1).
    public var choiceCount: Int { max(n ?? 1, 1) }

    /// The text of the last user message, or "" when there is none.
    public var lastUserText: String {
        messages.last(where: { $0.role == .user })?.text ?? ""
    }
}

// Synthesized encodings (they must sit in this file): the exact cache key is a hash of the
// sorted-key encoding of the whole request (GatewayCache's `RequestFingerprint`), so a stored
// property added here is part of the key unless the cache clears it explicitly.
extension ToolDefinition: Encodable {}
extension ToolChoice: Encodable {}
extension ResponseFormat: Encodable {}
extension ChatRequest: Encodable {}
