import GatewayCore

/// Messages-API turns, content blocks and tools → canonical messages and tools.
enum AnthropicIngressMessages {
    /// One Messages turn. A user turn's `tool_result` blocks become canonical `tool`
    /// messages (one per result, before the turn's own text); an assistant turn's
    /// `tool_use` blocks become its tool calls.
    static func messages(_ value: JSONValue, path: String) throws(GatewayError) -> [ChatMessage] {
        let object = try IngressObject.object(value, path: path)
        let role: ChatRole
        switch try object.requiredString("role") {
        case "user": role = .user
        case "assistant": role = .assistant
        case let other: throw IngressObject.invalid(object.param("role"), "must be user or assistant, not '\(other)'")
        }
        let blocks: [JSONValue]
        switch object.value("content") {
        case .string(let text)?: return [ChatMessage(role: role, text: text)]
        case .array(let items)?: blocks = items
        default: throw IngressObject.invalid(object.param("content"), "must be a string or an array of content blocks")
        }
        var parts: [ContentPart] = []
        var calls: [ToolCall] = []
        var results: [ChatMessage] = []
        for (index, item) in blocks.enumerated() {
            let block = try IngressObject.object(item, path: object.param("content") + "[\(index)]")
            switch try block.requiredString("type") {
            case "text":
                parts.append(.text(try block.requiredString("text")))
            case "image":
                parts.append(.imageURL(try imageURL(block)))
            case "tool_use" where role == .assistant:
                let input = block.value("input") ?? .object([:])
                calls.append(ToolCall(id: try block.requiredString("id"), name: try block.requiredString("name"), arguments: JSONText.encode(input)))
            case "tool_result" where role == .user:
                results.append(ChatMessage(role: .tool, parts: [.text(try resultText(block))], toolCallID: try block.requiredString("tool_use_id")))
            case let other:
                throw IngressObject.invalid(block.param("type"), "a \(role.rawValue) turn cannot carry a '\(other)' block")
            }
        }
        var turn: [ChatMessage] = results
        if !parts.isEmpty || !calls.isEmpty {
            turn.append(ChatMessage(role: role, parts: parts, toolCalls: calls))
        }
        return turn
    }

    /// `{"type":"base64","media_type","data"}` as a data URL, or `{"type":"url","url"}`.
    static func imageURL(_ block: IngressObject) throws(GatewayError) -> String {
        guard let source = try block.object("source") else { throw IngressObject.invalid(block.param("source"), "is required") }
        switch try source.requiredString("type") {
        case "base64": return "data:\(try source.requiredString("media_type"));base64,\(try source.requiredString("data"))"
        case "url": return try source.requiredString("url")
        case let other: throw IngressObject.invalid(source.param("type"), "must be base64 or url, not '\(other)'")
        }
    }

    /// A tool result's content: a string or text blocks (an error result says so).
    static func resultText(_ block: IngressObject) throws(GatewayError) -> String {
        var text: String
        switch block.value("content") {
        case nil: text = ""
        case .string(let value)?: text = value
        case .array(let items)?:
            text = ""
            for (index, item) in items.enumerated() {
                let part = try IngressObject.object(item, path: block.param("content") + "[\(index)]")
                guard try part.requiredString("type") == "text" else {
                    throw IngressObject.invalid(part.param("type"), "only text tool results are supported")
                }
                text += try part.requiredString("text")
            }
        default:
            throw IngressObject.invalid(block.param("content"), "must be a string or an array of text blocks")
        }
        if try block.bool("is_error") == true { text = "Error: " + text }
        return text
    }

    /// `tools: [{"name", "description", "input_schema"}]`.
    static func tools(_ body: IngressObject) throws(GatewayError) -> [ToolDefinition] {
        guard let items = try body.array("tools") else { return [] }
        var tools: [ToolDefinition] = []
        for (index, item) in items.enumerated() {
            let tool = try IngressObject.object(item, path: "tools[\(index)]")
            if let type = try tool.string("type"), type != "custom" {
                throw IngressObject.invalid(tool.param("type"), "server tools ('\(type)') are Anthropic-only")
            }
            let name = try tool.requiredString("name")
            guard !name.isEmpty else { throw IngressObject.invalid(tool.param("name"), "must not be empty") }
            guard let schema = try tool.object("input_schema") else { throw IngressObject.invalid(tool.param("input_schema"), "is required") }
            tools.append(ToolDefinition(name: name, description: try tool.string("description"), parameters: .object(schema.members)))
        }
        return tools
    }

    /// `{"type": "auto" | "any" | "tool" | "none", "name", "disable_parallel_tool_use"}`.
    static func toolChoice(_ body: IngressObject, tools: [ToolDefinition]) throws(GatewayError) -> (ToolChoice?, Bool?) {
        guard let object = try body.object("tool_choice") else { return (nil, nil) }
        let parallel = try object.bool("disable_parallel_tool_use").map { !$0 }
        switch try object.requiredString("type") {
        case "auto": return (.auto, parallel)
        case "none": return (ToolChoice.none, parallel)
        case "any":
            guard !tools.isEmpty else { throw IngressObject.invalid("tool_choice", "'any' needs tools") }
            return (.required, parallel)
        case "tool":
            let name = try object.requiredString("name")
            guard tools.contains(where: { $0.name == name }) else {
                throw IngressObject.invalid(object.param("name"), "names no tool in 'tools': '\(name)'")
            }
            return (.function(name), parallel)
        case let other:
            throw IngressObject.invalid(object.param("type"), "must be auto, any, tool or none, not '\(other)'")
        }
    }
}
