import GatewayCore

/// Canonical request → Messages wire request. Pure.
enum AnthropicRequestMapping {
    /// The name of the tool that carries a JSON answer (Anthropic has no JSON mode: the
    /// model is made to call this tool, and its input is returned as the message content).
    static let jsonToolName = "json_answer"

    static func wireRequest(_ request: ChatRequest, model: String, stream: Bool) -> AnthropicWireRequest {
        let system = systemText(request)
        var tools = request.tools.map(tool)
        var choice = request.toolChoice.map(toolChoice)
        if let json = jsonTool(for: request) {
            // Other tools stay callable unless the client ruled them out; the answer is then
            // a call of one of them or the JSON tool.
            let othersAllowed = !tools.isEmpty && request.toolChoice != ToolChoice.none
            tools = (othersAllowed ? tools : []) + [json]
            if !othersAllowed || request.toolChoice == nil || request.toolChoice == .auto {
                choice = othersAllowed ? AnthropicWireToolChoice(type: "any") : AnthropicWireToolChoice(type: "tool", name: json.name)
            }
        }
        if request.options.parallelToolCalls == false, !tools.isEmpty {
            choice = choice ?? AnthropicWireToolChoice(type: "auto")
            choice?.disableParallelToolUse = true
        }
        return AnthropicWireRequest(
            model: model,
            maxTokens: request.maxTokens ?? AnthropicModelLimits.maxOutputTokens(model: model),
            system: system.isEmpty ? nil : system,
            messages: messages(request.messages),
            // Anthropic's range is 0...1; OpenAI's 0...2 is clamped.
            temperature: request.temperature.map { min($0, 1) },
            topP: request.topP,
            stopSequences: request.stop.isEmpty ? nil : request.stop,
            tools: tools.isEmpty ? nil : tools,
            toolChoice: choice,
            metadata: request.user.map { AnthropicWireMetadata(userID: $0) },
            stream: stream ? true : nil
        )
    }

    /// The tool a JSON answer is asked through, when `response_format` wants JSON: the
    /// schema as its input schema (any object for `json_object`).
    /// True when the answer comes as the JSON tool's input (`json_object` / `json_schema`).
    static func answersThroughJSONTool(_ request: ChatRequest) -> Bool {
        switch request.responseFormat {
        case .jsonObject, .jsonSchema: true
        case .text, nil: false
        }
    }

    static func jsonTool(for request: ChatRequest) -> AnthropicWireTool? {
        switch request.responseFormat {
        case .jsonObject:
            return AnthropicWireTool(
                name: jsonToolName, description: "Answer with a JSON object: the tool's input is the answer.",
                inputSchema: .object(["type": .string("object")]))
        case .jsonSchema(let name, let schema, _):
            return AnthropicWireTool(
                name: jsonToolName, description: "Answer with JSON matching the schema '\(name)': the tool's input is the answer.",
                inputSchema: schema)
        case .text, nil:
            return nil
        }
    }

    /// Every system message, joined by blank lines.
    static func systemText(_ request: ChatRequest) -> String {
        request.messages.filter { $0.role == .system }.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Non-system messages as Anthropic turns: tool results become `user` turns, and
    /// consecutive turns of one role merge into one (Anthropic requires alternation).
    static func messages(_ messages: [ChatMessage]) -> [AnthropicWireMessage] {
        var result: [AnthropicWireMessage] = []
        for message in messages {
            let role: String
            var blocks: [AnthropicWireBlock]
            switch message.role {
            case .system:
                continue
            case .user:
                role = "user"
                blocks = contentBlocks(message.parts)
            case .assistant:
                role = "assistant"
                blocks = contentBlocks(message.parts)
                for call in message.toolCalls {
                    blocks.append(.toolUse(id: call.id, name: call.name, input: JSONText.object(from: call.arguments)))
                }
            case .tool:
                role = "user"
                blocks = [.toolResult(toolUseID: message.toolCallID ?? "", content: message.text)]
            }
            guard !blocks.isEmpty else { continue }
            if let last = result.last, last.role == role {
                result[result.count - 1].content.append(contentsOf: blocks)
            } else {
                result.append(AnthropicWireMessage(role: role, content: blocks))
            }
        }
        return result
    }

    /// Text and image blocks; empty text is left out (Anthropic rejects empty text blocks).
    static func contentBlocks(_ parts: [ContentPart]) -> [AnthropicWireBlock] {
        parts.compactMap { part in
            switch part {
            case .text(let text):
                return text.isEmpty ? nil : .text(text)
            case .imageURL(let url):
                if let data = DataURL(url) {
                    return .image(AnthropicWireImageSource(type: "base64", mediaType: data.mediaType, data: data.base64))
                }
                return .image(AnthropicWireImageSource(type: "url", url: url))
            }
        }
    }

    static func tool(_ tool: ToolDefinition) -> AnthropicWireTool {
        AnthropicWireTool(
            name: tool.name,
            description: tool.description,
            inputSchema: tool.parameters ?? .object(["type": .string("object"), "properties": .object([:])])
        )
    }

    static func toolChoice(_ choice: ToolChoice) -> AnthropicWireToolChoice {
        switch choice {
        case .auto: AnthropicWireToolChoice(type: "auto")
        case .required: AnthropicWireToolChoice(type: "any")
        case .none: AnthropicWireToolChoice(type: "none")
        case .function(let name): AnthropicWireToolChoice(type: "tool", name: name)
        }
    }
}
