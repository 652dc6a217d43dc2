/// The request fields beyond the basics that can change the answer: kept so every one
/// reaches the provider, translated, or is refused by name (never dropped). Part of the
/// exact cache key through `ChatRequest`'s synthesized encoding.
public struct GenerationOptions: Sendable, Hashable, Encodable {
    public var seed: Int?
    public var presencePenalty: Double?
    public var frequencyPenalty: Double?
    /// Token id (as a string, as OpenAI sends it) → bias in -100...100.
    public var logitBias: [String: Int]?
    public var logprobs: Bool?
    public var topLogprobs: Int?
    public var parallelToolCalls: Bool?
    /// `minimal`, `low`, `medium` or `high` for reasoning models.
    public var reasoningEffort: String?

    public init(
        seed: Int? = nil, presencePenalty: Double? = nil, frequencyPenalty: Double? = nil, logitBias: [String: Int]? = nil,
        logprobs: Bool? = nil, topLogprobs: Int? = nil, parallelToolCalls: Bool? = nil, reasoningEffort: String? = nil
    ) {
        self.seed = seed
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
        self.logitBias = logitBias
        self.logprobs = logprobs
        self.topLogprobs = topLogprobs
        self.parallelToolCalls = parallelToolCalls
        self.reasoningEffort = reasoningEffort
    }

    /// The wire names of the options that are set, for refusals and the field table.
    public var setFields: [String] {
        var fields: [String] = []
        if seed != nil { fields.append("seed") }
        if presencePenalty != nil { fields.append("presence_penalty") }
        if frequencyPenalty != nil { fields.append("frequency_penalty") }
        if logitBias != nil { fields.append("logit_bias") }
        if logprobs == true { fields.append("logprobs") }
        if topLogprobs != nil { fields.append("top_logprobs") }
        if parallelToolCalls != nil { fields.append("parallel_tool_calls") }
        if reasoningEffort != nil { fields.append("reasoning_effort") }
        return fields
    }
}

/// Request fields that do not change the answer but must reach a provider that knows them
/// (OpenAI's stored completions and service tiers). Not part of the cache key.
public struct ServiceOptions: Sendable, Hashable, Encodable {
    public var metadata: [String: String]?
    public var store: Bool?
    public var serviceTier: String?

    public init(metadata: [String: String]? = nil, store: Bool? = nil, serviceTier: String? = nil) {
        self.metadata = metadata
        self.store = store
        self.serviceTier = serviceTier
    }

    public var isEmpty: Bool { metadata == nil && store == nil && serviceTier == nil }

    public var setFields: [String] {
        var fields: [String] = []
        if metadata != nil { fields.append("metadata") }
        if store != nil { fields.append("store") }
        if serviceTier != nil { fields.append("service_tier") }
        return fields
    }
}
