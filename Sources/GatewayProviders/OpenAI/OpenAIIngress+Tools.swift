import GatewayCore

extension OpenAIIngress {
    /// `tools`: `[{"type": "function", "function": {"name", "description", "parameters"}}]`.
    static func tools(_ body: IngressObject) throws(GatewayError) -> [ToolDefinition] {
        guard let items = try body.array("tools") else { return [] }
        var tools: [ToolDefinition] = []
        for (index, item) in items.enumerated() {
            let tool = try IngressObject.object(item, path: "tools[\(index)]")
            if let type = try tool.string("type"), type != "function" {
                throw IngressObject.invalid(tool.param("type"), "must be function, not '\(type)'")
            }
            guard let function = try tool.object("function") else {
                throw IngressObject.invalid(tool.param("function"), "is required")
            }
            let name = try function.requiredString("name")
            guard !name.isEmpty else { throw IngressObject.invalid(function.param("name"), "must not be empty") }
            let parameters = try function.object("parameters")
            tools.append(ToolDefinition(
                name: name,
                description: try function.string("description"),
                parameters: parameters.map { .object($0.members) },
                strict: try function.bool("strict")
            ))
        }
        return tools
    }

    /// `"auto" | "none" | "required"` or `{"type": "function", "function": {"name"}}`; a
    /// choice that forces a tool needs tools, and a named one must be among them.
    static func toolChoice(_ body: IngressObject, tools: [ToolDefinition]) throws(GatewayError) -> ToolChoice? {
        let choice: ToolChoice
        switch body.value("tool_choice") {
        case nil:
            return nil
        case .string("auto")?: choice = .auto
        case .string("none")?: choice = .none
        case .string("required")?: choice = .required
        case .object(let members)?:
            let object = IngressObject(members, path: "tool_choice")
            guard try object.string("type") == "function", let function = try object.object("function") else {
                throw IngressObject.invalid("tool_choice", "must name a function as {\"type\":\"function\",\"function\":{\"name\":...}}")
            }
            let name = try function.requiredString("name")
            guard tools.contains(where: { $0.name == name }) else {
                throw IngressObject.invalid(function.param("name"), "names no tool in 'tools': '\(name)'")
            }
            choice = .function(name)
        default:
            throw IngressObject.invalid("tool_choice", "must be auto, none, required or a function")
        }
        if choice == .required && tools.isEmpty {
            throw IngressObject.invalid("tool_choice", "is only allowed when 'tools' are given")
        }
        return choice
    }
}
