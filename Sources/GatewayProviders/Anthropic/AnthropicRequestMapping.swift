import GatewayCore

/// Canonical request → Messages wire request. Pure.
enum AnthropicRequestMapping {
    /// `max_tokens` is required by Anthropic; used when the request sets none.
    static let defaultMaxTokens = 1024
    /// Appended to `system` for `response_format: json_object` (Anthropic has no JSON mode).
    static let jsonInstruction = "Respond with a single JSON object only."

    static func wireRequest(_ request: ChatRequest, model: String, stream: Bool) -> AnthropicWireRequest {
        let system = systemText(request)
        return AnthropicWireRequest(
            model: model,
            maxTokens: request.maxTokens ?? defaultMaxTokens,
            system: system.isEmpty ? nil : system,
            messages: messages(request.messages),
            // Anthropic's range is 0...1; OpenAI's 0...2 is clamped.
            temperature: request.temperature.map { min($0, 1) },
            topP: request.topP,
            stopSequences: request.stop.isEmpty ? nil : request.stop,
            tools: request.tools.isEmpty ? nil : request.tools.map(tool),
            toolChoice: request.toolChoice.map(toolChoice),
            metadata: request.user.map { AnthropicWireMetadata(userID: $0) },
            stream: stream ? true : nil
        )
    }

    /// Every system message, joined by blank lines, plus the JSON instruction if asked.
    static func systemText(_ request: ChatRequest) -> String {
        var parts = request.messages.filter { $0.role == .system }.map(\.text).filter { !$0.isEmpty }
        switch request.responseFormat {
        case .jsonObject:
            parts.append(jsonInstruction)
        case .jsonSchema(let name, let schema):
            parts.append("Respond with a single JSON object only, matching the JSON schema '\(name)': \(JSONText.encode(schema))")
        case .text, nil:
            break
        }
        return parts.joined(separator: "\n\n")
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
