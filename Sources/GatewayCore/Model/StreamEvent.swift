/// A fragment of a tool call as it streams in.
public struct ToolCallDelta: Sendable, Hashable {
    public var index: Int
    public var id: String?
    public var name: String?
    public var argumentsFragment: String

    public init(index: Int, id: String? = nil, name: String? = nil, argumentsFragment: String) {
        self.index = index
        self.id = id
        self.name = name
        self.argumentsFragment = argumentsFragment
    }
}

/// One event of a streamed answer in canonical form.
public enum StreamEvent: Sendable, Hashable {
    case textDelta(String)
    case toolCallDelta(ToolCallDelta)
    case finished(FinishReason)
    case usage(Usage)
    /// An event of choice `index` (≥ 1) of an `n > 1` stream; the plain cases are choice 0.
    indirect case otherChoice(index: Int, StreamEvent)

    /// True for events that carry answer content: a non-empty text delta or a tool call
    /// fragment. Role-only or empty chunks are not content.
    public var isContent: Bool {
        switch self {
        case .textDelta(let text): !text.isEmpty
        case .toolCallDelta: true
        case .finished, .usage: false
        case .otherChoice(_, let event): event.isContent
        }
    }
}

/// Folds stream events into a complete answer (used to aggregate and to count tokens).
public struct StreamAccumulator: Sendable {
    public private(set) var text = ""
    public private(set) var toolCalls: [ToolCall] = []
    public private(set) var finishReason: FinishReason?
    public private(set) var usage: Usage?
    /// Choices 1… of an `n > 1` stream.
    public private(set) var otherChoices: [StreamAccumulator] = []

    public init() {}

    public mutating func apply(_ event: StreamEvent) {
        switch event {
        case .textDelta(let fragment):
            text += fragment
        case .toolCallDelta(let delta):
            while toolCalls.count <= delta.index {
                toolCalls.append(ToolCall(id: "", name: "", arguments: ""))
            }
            if let id = delta.id { toolCalls[delta.index].id = id }
            if let name = delta.name { toolCalls[delta.index].name = name }
            toolCalls[delta.index].arguments += delta.argumentsFragment
        case .finished(let reason):
            finishReason = reason
        case .usage(let value):
            usage = value
        case .otherChoice(let index, let inner):
            guard index >= 1 else { return apply(inner) }
            while otherChoices.count < index { otherChoices.append(StreamAccumulator()) }
            otherChoices[index - 1].apply(inner)
        }
    }

    /// The answer so far as a response.
    public func response(id: String, model: String) -> ChatResponse {
        ChatResponse(
            id: id,
            model: model,
            text: text,
            toolCalls: toolCalls,
            finishReason: finishReason ?? .stop,
            usage: usage,
            otherChoices: otherChoices.map {
                ChatChoice(text: $0.text, toolCalls: $0.toolCalls, finishReason: $0.finishReason ?? .stop)
            }
        )
    }
}
