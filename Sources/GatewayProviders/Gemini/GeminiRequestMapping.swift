import GatewayCore

/// Canonical request → `generateContent` wire request. Pure.
enum GeminiRequestMapping {
    static func wireRequest(_ request: ChatRequest) -> GeminiWireRequest {
        let system = request.messages.filter { $0.role == .system }.map(\.text).filter { !$0.isEmpty }
        let config = generationConfig(request)
        return GeminiWireRequest(
            contents: contents(request.messages),
            systemInstruction: system.isEmpty
                ? nil : GeminiWireContent(parts: [GeminiWirePart(text: system.joined(separator: "\n\n"))]),
            generationConfig: config.isEmpty ? nil : config,
            tools: request.tools.isEmpty ? nil : [GeminiWireTool(functionDeclarations: request.tools.map(declaration))],
            toolConfig: request.toolChoice.map(toolConfig)
        )
    }

    static func generationConfig(_ request: ChatRequest) -> GeminiWireGenerationConfig {
        var config = GeminiWireGenerationConfig(
            temperature: request.temperature,
            topP: request.topP,
            maxOutputTokens: request.maxTokens,
            stopSequences: request.stop.isEmpty ? nil : request.stop
        )
        config.seed = request.options.seed
        config.presencePenalty = request.options.presencePenalty
        config.frequencyPenalty = request.options.frequencyPenalty
        if request.options.logprobs == true {
            config.responseLogprobs = true
            config.logprobs = request.options.topLogprobs
        }
        switch request.responseFormat {
        case .jsonObject:
            config.responseMimeType = "application/json"
        case .jsonSchema(_, let schema, _):
            config.responseMimeType = "application/json"
            config.responseJsonSchema = schema
        case .text, nil:
            break
        }
        return config
    }

    /// Turns as Gemini wants them: assistant → `model`, tool results → `user` parts with a
    /// `functionResponse` (named after the call they answer), same-role turns merged.
    static func contents(_ messages: [ChatMessage]) -> [GeminiWireContent] {
        var result: [GeminiWireContent] = []
        for (index, message) in messages.enumerated() {
            let role: String
            var parts: [GeminiWirePart]
            switch message.role {
            case .system:
                continue
            case .user:
                role = "user"
                parts = contentParts(message.parts)
            case .assistant:
                role = "model"
                parts = contentParts(message.parts)
                for call in message.toolCalls {
                    parts.append(GeminiWirePart(functionCall: GeminiWireFunctionCall(name: call.name, args: JSONText.object(from: call.arguments))))
                }
            case .tool:
                role = "user"
                let name = message.name ?? functionName(answeredBy: message.toolCallID, before: index, in: messages)
                parts = [GeminiWirePart(functionResponse: GeminiWireFunctionResponse(name: name, response: toolResult(message.text)))]
            }
            guard !parts.isEmpty else { continue }
            if let last = result.last, last.role == role {
                result[result.count - 1].parts = (last.parts ?? []) + parts
            } else {
                result.append(GeminiWireContent(role: role, parts: parts))
            }
        }
        return result
    }

    static func contentParts(_ parts: [ContentPart]) -> [GeminiWirePart] {
        parts.compactMap { part in
            switch part {
            case .text(let text):
                return text.isEmpty ? nil : GeminiWirePart(text: text)
            case .imageURL(let url):
                if let data = DataURL(url) {
                    return GeminiWirePart(inlineData: GeminiWireBlob(mimeType: data.mediaType, data: data.base64))
                }
                return GeminiWirePart(fileData: GeminiWireFileData(mimeType: imageMimeType(url), fileUri: url))
            }
        }
    }

    /// The name of the most recent earlier tool call with this id ("" if none).
    static func functionName(answeredBy id: String?, before index: Int, in messages: [ChatMessage]) -> String {
        guard let id else { return "" }
        for message in messages[..<index].reversed() {
            if let call = message.toolCalls.first(where: { $0.id == id }) { return call.name }
        }
        return ""
    }

    /// Gemini wants an object: a JSON object result as is, anything else as `{"content": text}`.
    static func toolResult(_ text: String) -> JSONValue {
        let parsed = JSONText.object(from: text)
        if case .object(let members) = parsed, !members.isEmpty { return parsed }
        return .object(["content": .string(text)])
    }

    static func imageMimeType(_ url: String) -> String {
        let lower = url.lowercased()
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".webp") { return "image/webp" }
        if lower.hasSuffix(".gif") { return "image/gif" }
        return "image/jpeg"
    }

    static func declaration(_ tool: ToolDefinition) -> GeminiWireFunctionDeclaration {
        GeminiWireFunctionDeclaration(name: tool.name, description: tool.description, parametersJsonSchema: tool.parameters)
    }

    static func toolConfig(_ choice: ToolChoice) -> GeminiWireToolConfig {
        switch choice {
        case .auto: GeminiWireToolConfig(functionCallingConfig: .init(mode: "AUTO"))
        case .none: GeminiWireToolConfig(functionCallingConfig: .init(mode: "NONE"))
        case .required: GeminiWireToolConfig(functionCallingConfig: .init(mode: "ANY"))
        case .function(let name): GeminiWireToolConfig(functionCallingConfig: .init(mode: "ANY", allowedFunctionNames: [name]))
        }
    }
}
