import GatewayCore
import JSONCore
import NIOCore

/// The gateway's Anthropic-compatible API, `POST /v1/messages`: decodes Messages requests
/// into the canonical form (the same aliases, strategies, caches and tenants serve them).
/// Fields the canonical model cannot carry are refused by name, never dropped.
public enum AnthropicIngress {
    /// Every top-level field the decoder reads.
    static let knownFields: Set<String> = [
        "model", "max_tokens", "messages", "system", "temperature", "top_p", "stop_sequences", "stream", "tools",
        "tool_choice", "metadata", "service_tier",
    ]
    /// Anthropic fields with no canonical meaning, refused with the reason.
    static let refusedFields: [String: String] = [
        "top_k": "has no equivalent on every provider an alias may route to",
        "thinking": "extended thinking is not carried by the gateway's canonical model",
        "container": "containers are Anthropic-only", "mcp_servers": "MCP servers are Anthropic-only",
    ]

    /// Decodes and validates a `POST /v1/messages` body; every invalid field throws
    /// ``GatewayError/invalidRequest(message:param:)`` naming it.
    public static func decode(_ body: ByteBuffer, limits: JSONLimits = .request) throws(GatewayError) -> IngressRequest {
        let object = try IngressObject.root(body, limits: limits, known: knownFields) { key in
            refusedFields[key] ?? "is not a Messages API field the gateway knows"
        }
        return IngressRequest(request: try request(object), noStore: false)
    }

    static func request(_ body: IngressObject) throws(GatewayError) -> ChatRequest {
        guard case .string(let model)? = body.value("model") else {
            throw IngressObject.invalid("model", "is required and must be a string")
        }
        guard let maxTokens = try body.positiveInteger("max_tokens") else {
            throw IngressObject.invalid("max_tokens", "is required and must be a positive integer")
        }
        guard let items = try body.array("messages"), !items.isEmpty else {
            throw IngressObject.invalid("messages", "must be a non-empty array of messages")
        }
        var messages = try system(body)
        for (index, item) in items.enumerated() {
            messages.append(contentsOf: try AnthropicIngressMessages.messages(item, path: "messages[\(index)]"))
        }
        let tools = try AnthropicIngressMessages.tools(body)
        let (choice, parallel) = try AnthropicIngressMessages.toolChoice(body, tools: tools)
        var options = GenerationOptions()
        options.parallelToolCalls = parallel
        let metadata = try body.object("metadata")
        if let tier = try body.string("service_tier"), tier != "auto", tier != "standard_only" {
            throw IngressObject.invalid("service_tier", "must be auto or standard_only, not '\(tier)'")
        }
        return ChatRequest(
            model: model,
            messages: messages,
            temperature: try body.number("temperature", in: 0...1),
            topP: try body.number("top_p", in: 0...1),
            maxTokens: maxTokens,
            stop: try stopSequences(body),
            user: try metadata?.string("user_id"),
            tools: tools,
            toolChoice: choice,
            stream: try body.bool("stream") ?? false,
            includeUsage: true,
            options: options
        )
    }

    /// `system`: a string or an array of text blocks.
    static func system(_ body: IngressObject) throws(GatewayError) -> [ChatMessage] {
        switch body.value("system") {
        case nil: return []
        case .string(let text)?: return text.isEmpty ? [] : [ChatMessage(role: .system, text: text)]
        case .array(let blocks)?:
            var texts: [String] = []
            for (index, block) in blocks.enumerated() {
                let object = try IngressObject.object(block, path: "system[\(index)]")
                guard try object.requiredString("type") == "text" else {
                    throw IngressObject.invalid(object.param("type"), "must be text")
                }
                texts.append(try object.requiredString("text"))
            }
            return texts.isEmpty ? [] : [ChatMessage(role: .system, parts: texts.map(ContentPart.text))]
        default:
            throw IngressObject.invalid("system", "must be a string or an array of text blocks")
        }
    }

    static func stopSequences(_ body: IngressObject) throws(GatewayError) -> [String] {
        guard let items = try body.array("stop_sequences") else { return [] }
        var sequences: [String] = []
        for item in items {
            guard case .string(let sequence) = item else {
                throw IngressObject.invalid("stop_sequences", "must be an array of strings")
            }
            sequences.append(sequence)
        }
        return sequences
    }
}
