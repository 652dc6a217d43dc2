import JSONCore

/// A tool the request offered: its name and the JSON schema of its arguments.
struct SimTool: Sendable, Hashable {
    var name: String
    var parameters: JSONValue
}

/// How the request lets the model use its tools.
enum SimToolChoice: Sendable, Hashable {
    /// The model decides: the simulator calls a tool when the last user message names it.
    case auto
    /// No tool call.
    case none
    /// Some tool must be called: the first.
    case required
    /// This tool must be called.
    case named(String)
}

/// A tool call the simulator answers with: an id, the tool's name and its arguments as
/// JSON text (a minimal instance of the tool's parameter schema).
struct SimToolCall: Sendable, Hashable {
    var id: String
    var name: String
    var arguments: String
}

/// The simulator's structured output, by deterministic rules: which tool to call, and the
/// smallest JSON instance a schema accepts (so every structured-output client can work
/// offline against the simulator).
enum SimStructured {
    /// The tool call for this request, if one is made: forced by `tool_choice`, or under
    /// `auto` the first tool whose name the last user message mentions.
    static func toolCall(tools: [SimTool], choice: SimToolChoice, lastUserMessage: String, number: Int) -> SimToolCall? {
        let tool: SimTool?
        switch choice {
        case .none: tool = nil
        case .required: tool = tools.first
        case .named(let name): tool = tools.first { $0.name == name }
        case .auto:
            let message = lastUserMessage.lowercased()
            tool = tools.first { tool in
                let name = tool.name.lowercased()
                return message.contains(name) || message.contains(name.replacingOccurrences(of: "_", with: " "))
            }
        }
        guard let tool else { return nil }
        return SimToolCall(id: "call_sim_\(number)", name: tool.name, arguments: JSONText.compact(minimalInstance(of: tool.parameters)))
    }

    /// The smallest value `schema` accepts: required properties only (all of them when none
    /// are listed), the first of `enum`/`anyOf`/`oneOf`, `const` and `default` as given,
    /// `$ref` resolved within the root's `$defs`/`definitions`, strings shaped by `format`.
    static func minimalInstance(of schema: JSONValue, root: JSONValue? = nil, depth: Int = 0) -> JSONValue {
        let root = root ?? schema
        guard depth < 16, case .object(let members) = schema else { return .null }
        if let value = members["const"] { return value }
        if let value = members["default"] { return value }
        if case .array(let values)? = members["enum"], let first = values.first { return first }
        if case .string(let reference)? = members["$ref"] { return minimalInstance(of: resolve(reference, in: root), root: root, depth: depth + 1) }
        for key in ["anyOf", "oneOf", "allOf"] {
            if case .array(let options)? = members[key], let first = options.first(where: { !isNull($0) }) ?? options.first {
                return minimalInstance(of: first, root: root, depth: depth + 1)
            }
        }
        switch type(of: members) {
        case "object":
            guard case .object(let properties)? = members["properties"] else { return .object([:]) }
            let required: [String]
            if case .array(let names)? = members["required"] {
                required = names.compactMap(\.stringValue)
            } else {
                required = properties.keys.sorted()
            }
            var object: [String: JSONValue] = [:]
            for name in required { object[name] = minimalInstance(of: properties[name] ?? .object([:]), root: root, depth: depth + 1) }
            return .object(object)
        case "array":
            let count: Int
            if case .number(let minimum)? = members["minItems"] { count = max(0, min(Int(minimum), 8)) } else { count = 0 }
            let item = members["items"] ?? .object([:])
            return .array((0..<count).map { _ in minimalInstance(of: item, root: root, depth: depth + 1) })
        case "string": return .string(string(members))
        case "integer", "number":
            if case .number(let minimum)? = members["minimum"] { return .number(minimum) }
            return .number(0)
        case "boolean": return .bool(false)
        case "null": return .null
        default: return .object([:])
        }
    }

    private static func type(of members: [String: JSONValue]) -> String {
        switch members["type"] {
        case .string(let name)?: return name
        case .array(let names)?: return names.compactMap(\.stringValue).first { $0 != "null" } ?? "null"
        default: return members["properties"] != nil ? "object" : "any"
        }
    }

    private static func string(_ members: [String: JSONValue]) -> String {
        let formatted: String
        switch members["format"]?.stringValue {
        case "date": formatted = "2026-01-01"
        case "date-time": formatted = "2026-01-01T00:00:00Z"
        case "time": formatted = "00:00:00"
        case "email": formatted = "sim@example.com"
        case "uri", "url": formatted = "https://example.com"
        case "uuid": formatted = "00000000-0000-4000-8000-000000000000"
        default: formatted = "sim"
        }
        if case .number(let minimum)? = members["minLength"], Int(minimum) > formatted.count {
            return formatted + String(repeating: "x", count: Int(minimum) - formatted.count)
        }
        return formatted
    }

    private static func isNull(_ schema: JSONValue) -> Bool {
        schema["type"]?.stringValue == "null"
    }

    private static func resolve(_ reference: String, in root: JSONValue) -> JSONValue {
        let path = reference.hasPrefix("#/") ? reference.dropFirst(2).split(separator: "/").map(String.init) : []
        var node = root
        for component in path {
            guard let next = node[component] else { return .object([:]) }
            node = next
        }
        return node
    }
}
