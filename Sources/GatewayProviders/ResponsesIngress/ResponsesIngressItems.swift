import GatewayCore

/// Responses-API input items, tools, tool choice and text format → canonical pieces.
enum ResponsesIngressItems {
    /// A message (`{"role", "content"}`, with or without `"type": "message"`), a
    /// `function_call` (an assistant tool call) or a `function_call_output` (a tool result).
    static func message(_ value: JSONValue, path: String) throws(GatewayError) -> ChatMessage {
        let item = try IngressObject.object(value, path: path)
        switch try item.string("type") ?? "message" {
        case "message":
            let role: ChatRole
            switch try item.requiredString("role") {
            case "user": role = .user
            case "assistant": role = .assistant
            case "system", "developer": role = .system
            case let other: throw IngressObject.invalid(item.param("role"), "must be user, assistant, system or developer, not '\(other)'")
            }
            return ChatMessage(role: role, parts: try parts(item))
        case "function_call":
            let call = ToolCall(
                id: try item.requiredString("call_id"), name: try item.requiredString("name"), arguments: try item.string("arguments") ?? "{}")
            return ChatMessage(role: .assistant, parts: [], toolCalls: [call])
        case "function_call_output":
            return ChatMessage(role: .tool, parts: [.text(try item.requiredString("output"))], toolCallID: try item.requiredString("call_id"))
        case let other:
            throw IngressObject.invalid(item.param("type"), "input items of type '\(other)' are not supported")
        }
    }

    /// `content`: a string, or `input_text` / `output_text` / `input_image` parts.
    static func parts(_ item: IngressObject) throws(GatewayError) -> [ContentPart] {
        switch item.value("content") {
        case .string(let text)?: return [.text(text)]
        case .array(let values)?:
            var parts: [ContentPart] = []
            for (index, value) in values.enumerated() {
                let part = try IngressObject.object(value, path: item.param("content") + "[\(index)]")
                switch try part.requiredString("type") {
                case "input_text", "output_text": parts.append(.text(try part.requiredString("text")))
                case "input_image": parts.append(.imageURL(try part.requiredString("image_url")))
                case let other: throw IngressObject.invalid(part.param("type"), "content parts of type '\(other)' are not supported")
                }
            }
            return parts
        default:
            throw IngressObject.invalid(item.param("content"), "must be a string or an array of content parts")
        }
    }

    /// `tools: [{"type": "function", "name", "description", "parameters", "strict"}]`;
    /// hosted tools (web search, file search …) are refused by name.
    static func tools(_ body: IngressObject) throws(GatewayError) -> [ToolDefinition] {
        guard let items = try body.array("tools") else { return [] }
        var tools: [ToolDefinition] = []
        for (index, value) in items.enumerated() {
            let tool = try IngressObject.object(value, path: "tools[\(index)]")
            let type = try tool.requiredString("type")
            guard type == "function" else { throw IngressObject.invalid(tool.param("type"), "hosted tools ('\(type)') are not supported") }
            let name = try tool.requiredString("name")
            guard !name.isEmpty else { throw IngressObject.invalid(tool.param("name"), "must not be empty") }
            tools.append(ToolDefinition(
                name: name, description: try tool.string("description"),
                parameters: try tool.object("parameters").map { .object($0.members) }, strict: try tool.bool("strict")))
        }
        return tools
    }

    /// `"auto" | "none" | "required"` or `{"type": "function", "name"}`.
    static func toolChoice(_ body: IngressObject, tools: [ToolDefinition]) throws(GatewayError) -> ToolChoice? {
        switch body.value("tool_choice") {
        case nil: return nil
        case .string("auto")?: return .auto
        case .string("none")?: return ToolChoice.none
        case .string("required")?:
            guard !tools.isEmpty else { throw IngressObject.invalid("tool_choice", "is only allowed when 'tools' are given") }
            return .required
        case .object(let members)?:
            let object = IngressObject(members, path: "tool_choice")
            guard try object.string("type") == "function" else { throw IngressObject.invalid("tool_choice.type", "must be function") }
            let name = try object.requiredString("name")
            guard tools.contains(where: { $0.name == name }) else {
                throw IngressObject.invalid("tool_choice.name", "names no tool in 'tools': '\(name)'")
            }
            return .function(name)
        default:
            throw IngressObject.invalid("tool_choice", "must be auto, none, required or a function")
        }
    }

    /// `text.format`: `{"type": "text" | "json_object" | "json_schema", "name", "schema", "strict"}`.
    static func format(_ body: IngressObject) throws(GatewayError) -> ResponseFormat? {
        guard let text = try body.object("text"), let format = try text.object("format") else { return nil }
        switch try format.requiredString("type") {
        case "text": return .text
        case "json_object": return .jsonObject
        case "json_schema":
            guard let schema = try format.object("schema") else { throw IngressObject.invalid(format.param("schema"), "is required") }
            return .jsonSchema(name: try format.string("name") ?? "response", schema: .object(schema.members), strict: try format.bool("strict"))
        case let other:
            throw IngressObject.invalid(format.param("type"), "must be text, json_object or json_schema, not '\(other)'")
        }
    }
}
