import GatewayCore

/// Which flavour of Chat Completions a server speaks.
public enum OpenAIDialect: Sendable, Hashable {
    /// OpenAI itself: the token limit is `max_completion_tokens`.
    case openai
    /// vLLM, Ollama, llama.cpp and the like: the token limit is `max_tokens`.
    case compatible
}

/// Canonical request → Chat Completions wire request. Pure.
enum OpenAIRequestMapping {
    static func wireRequest(_ request: ChatRequest, model: String, dialect: OpenAIDialect, stream: Bool) -> OpenAIWireRequest {
        OpenAIWireRequest(
            model: model,
            messages: request.messages.map(message),
            temperature: request.temperature,
            topP: request.topP,
            maxTokens: dialect == .compatible ? request.maxTokens : nil,
            maxCompletionTokens: dialect == .openai ? request.maxTokens : nil,
            stop: request.stop.isEmpty ? nil : request.stop,
            responseFormat: request.responseFormat.map(responseFormat),
            user: request.user,
            tools: request.tools.isEmpty ? nil : request.tools.map(tool),
            toolChoice: request.toolChoice.map(toolChoice),
            stream: stream ? true : nil,
            streamOptions: stream ? OpenAIWireStreamOptions(includeUsage: true) : nil,
            n: request.n,
            seed: request.options.seed,
            presencePenalty: request.options.presencePenalty,
            frequencyPenalty: request.options.frequencyPenalty,
            logitBias: request.options.logitBias,
            logprobs: request.options.logprobs,
            topLogprobs: request.options.topLogprobs,
            parallelToolCalls: request.options.parallelToolCalls,
            reasoningEffort: request.options.reasoningEffort,
            metadata: request.service.metadata,
            store: request.service.store,
            serviceTier: request.service.serviceTier,
            extra: request.extra
        )
    }

    static func message(_ message: ChatMessage) -> OpenAIWireMessage {
        let toolCalls = message.toolCalls.map {
            OpenAIWireToolCall(id: $0.id, type: "function", function: OpenAIWireFunctionCall(name: $0.name, arguments: $0.arguments))
        }
        return OpenAIWireMessage(
            role: message.role.rawValue,
            content: content(message),
            name: message.name,
            toolCalls: toolCalls.isEmpty ? nil : toolCalls,
            toolCallID: message.toolCallID
        )
    }

    /// Text-only content goes as a string (every compatible server accepts that); content
    /// with images as parts; an assistant turn that only calls tools has no content.
    static func content(_ message: ChatMessage) -> OpenAIWireContent? {
        let hasImage = message.parts.contains { if case .imageURL = $0 { true } else { false } }
        if hasImage {
            return .parts(message.parts.map { part in
                switch part {
                case .text(let text): OpenAIWirePart(type: "text", text: text)
                case .imageURL(let url): OpenAIWirePart(type: "image_url", imageURL: OpenAIWireImageURL(url: url))
                }
            })
        }
        if message.parts.isEmpty && !message.toolCalls.isEmpty { return nil }
        return .text(message.text)
    }

    static func responseFormat(_ format: ResponseFormat) -> OpenAIWireResponseFormat {
        switch format {
        case .text: OpenAIWireResponseFormat(type: "text")
        case .jsonObject: OpenAIWireResponseFormat(type: "json_object")
        case .jsonSchema(let name, let schema, let strict):
            OpenAIWireResponseFormat(type: "json_schema", jsonSchema: OpenAIWireJSONSchema(name: name, schema: schema, strict: strict))
        }
    }

    static func tool(_ tool: ToolDefinition) -> OpenAIWireTool {
        OpenAIWireTool(
            function: OpenAIWireFunction(name: tool.name, description: tool.description, parameters: tool.parameters, strict: tool.strict))
    }

    static func toolChoice(_ choice: ToolChoice) -> OpenAIWireToolChoice {
        switch choice {
        case .auto: .mode("auto")
        case .none: .mode("none")
        case .required: .mode("required")
        case .function(let name): .function(name)
        }
    }
}
