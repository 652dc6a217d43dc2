import GatewayCore

extension OpenAIIngress {
    /// One message: role (`developer` read as `system`), content, tool calls, tool call id.
    static func message(_ value: JSONValue, path: String) throws(GatewayError) -> ChatMessage {
        let object = try IngressObject.object(value, path: path)
        let role: ChatRole
        switch try object.requiredString("role") {
        case "system", "developer": role = .system
        case "user": role = .user
        case "assistant": role = .assistant
        case "tool": role = .tool
        case let other:
            throw IngressObject.invalid(object.param("role"), "must be system, developer, user, assistant or tool, not '\(other)'")
        }
        let calls = role == .assistant ? try toolCalls(object) : []
        let toolCallID = try object.string("tool_call_id")
        if role == .tool && toolCallID == nil {
            throw IngressObject.invalid(object.param("tool_call_id"), "is required for tool messages")
        }
        return ChatMessage(
            role: role,
            parts: try contentParts(object, role: role),
            toolCalls: calls,
            toolCallID: role == .tool ? toolCallID : nil,
            name: try object.string("name")
        )
    }

    /// A string, or an array of `text` and `image_url` parts; only an assistant message may
    /// have none (when it calls tools).
    static func contentParts(_ object: IngressObject, role: ChatRole) throws(GatewayError) -> [ContentPart] {
        let param = object.param("content")
        switch object.value("content") {
        case nil:
            guard role == .assistant else { throw IngressObject.invalid(param, "is required") }
            return []
        case .string(let text)?:
            return [.text(text)]
        case .array(let items)?:
            var parts: [ContentPart] = []
            for (index, item) in items.enumerated() {
                parts.append(try contentPart(item, path: "\(param)[\(index)]"))
            }
            return parts
        default:
            throw IngressObject.invalid(param, "must be a string or an array of content parts")
        }
    }

    static func contentPart(_ value: JSONValue, path: String) throws(GatewayError) -> ContentPart {
        let part = try IngressObject.object(value, path: path)
        switch try part.requiredString("type") {
        case "text":
            return .text(try part.requiredString("text"))
        case "image_url":
            if case .string(let url)? = part.value("image_url") { return .imageURL(url) }
            guard let image = try part.object("image_url") else {
                throw IngressObject.invalid(part.param("image_url"), "is required")
            }
            return .imageURL(try image.requiredString("url"))
        case let other:
            throw IngressObject.invalid(part.param("type"), "must be text or image_url, not '\(other)'")
        }
    }

    /// An assistant message's `tool_calls`: `{id, type: "function", function: {name, arguments}}`.
    static func toolCalls(_ object: IngressObject) throws(GatewayError) -> [ToolCall] {
        guard let items = try object.array("tool_calls") else { return [] }
        var calls: [ToolCall] = []
        for (index, item) in items.enumerated() {
            let call = try IngressObject.object(item, path: object.param("tool_calls[\(index)]"))
            if let type = try call.string("type"), type != "function" {
                throw IngressObject.invalid(call.param("type"), "must be function")
            }
            guard let function = try call.object("function") else {
                throw IngressObject.invalid(call.param("function"), "is required")
            }
            let arguments: String
            switch function.value("arguments") {
            case nil: arguments = "{}"
            case .string(let text)?: arguments = text
            case .object(let members)?: arguments = JSONText.encode(.object(members))
            default: throw IngressObject.invalid(function.param("arguments"), "must be a string of JSON")
            }
            calls.append(ToolCall(id: try call.requiredString("id"), name: try function.requiredString("name"), arguments: arguments))
        }
        return calls
    }
}
