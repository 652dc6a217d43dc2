import GatewayCore
import JSONCore
import NIOCore

/// The gateway's OpenAI Responses API, `POST /v1/responses`, stateless: nothing is stored
/// (every answer says `"store": false`), so `previous_response_id` is refused. Requests map
/// onto the canonical model and run through the same aliases, strategies and caches.
public enum ResponsesIngress {
    static let knownFields: Set<String> = [
        "model", "input", "instructions", "tools", "tool_choice", "text", "max_output_tokens", "temperature", "top_p",
        "parallel_tool_calls", "metadata", "store", "stream", "user", "reasoning", "service_tier", "previous_response_id",
        "truncation",
    ]

    public static func decode(_ body: ByteBuffer, limits: JSONLimits = .request) throws(GatewayError) -> IngressRequest {
        let object = try IngressObject.root(body, limits: limits, known: knownFields) { _ in
            "is not a Responses API field the gateway supports"
        }
        if object.value("previous_response_id") != nil {
            throw IngressObject.invalid(
                "previous_response_id", "is not supported: the gateway's Responses API is stateless (store: false); send the whole input")
        }
        if let truncation = try object.string("truncation"), truncation != "disabled" {
            throw IngressObject.invalid("truncation", "only 'disabled' is supported")
        }
        return IngressRequest(request: try request(object), noStore: false)
    }

    static func request(_ body: IngressObject) throws(GatewayError) -> ChatRequest {
        guard case .string(let model)? = body.value("model") else {
            throw IngressObject.invalid("model", "is required and must be a string")
        }
        var messages: [ChatMessage] = []
        if let instructions = try body.string("instructions"), !instructions.isEmpty {
            messages.append(ChatMessage(role: .system, text: instructions))
        }
        switch body.value("input") {
        case .string(let text)?:
            messages.append(ChatMessage(role: .user, text: text))
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                messages.append(try ResponsesIngressItems.message(item, path: "input[\(index)]"))
            }
        default:
            throw IngressObject.invalid("input", "is required: a string or an array of input items")
        }
        guard messages.contains(where: { $0.role != .system }) else {
            throw IngressObject.invalid("input", "must hold at least one message")
        }
        let tools = try ResponsesIngressItems.tools(body)
        var options = GenerationOptions()
        options.parallelToolCalls = try body.bool("parallel_tool_calls")
        options.reasoningEffort = try body.object("reasoning").flatMap { reasoning throws(GatewayError) in
            try OpenAIIngress.oneOf(reasoning, "effort", ["minimal", "low", "medium", "high"])
        }
        var service = try OpenAIIngress.serviceOptions(body)
        // Nothing is stored whatever the client asks: the answer says `store: false`.
        service.store = nil
        return ChatRequest(
            model: model,
            messages: messages,
            temperature: try body.number("temperature", in: 0...2),
            topP: try body.number("top_p", in: 0...1),
            maxTokens: try body.positiveInteger("max_output_tokens"),
            responseFormat: try ResponsesIngressItems.format(body),
            user: try body.string("user"),
            tools: tools,
            toolChoice: try ResponsesIngressItems.toolChoice(body, tools: tools),
            stream: try body.bool("stream") ?? false,
            includeUsage: true,
            options: options,
            service: service
        )
    }
}
