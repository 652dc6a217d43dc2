import JSONCore

/// Writes the text of an answer from the request's tag and last user message.
enum SimResponder: Sendable {
    /// `echo: <last user message>`, or `{"echo": "<last user message>"}` when JSON is asked for.
    case echo
    /// A scripted answer when one matches, else echo.
    case script(ScriptTable)

    /// The responder a profile names, loading its script (relative to the working directory).
    init(profile: SimProfile) throws {
        switch profile.responder {
        case .echo:
            self = .echo
        case .script:
            self = .script(try ScriptTable.load(path: profile.scriptPath ?? ""))
        }
    }

    /// The full answer text, before length forcing and `max_tokens`.
    /// With a JSON schema to match, the schema's minimal instance (a scripted answer wins).
    func answer(tag: String?, lastUserMessage: String, jsonMode: Bool, schema: JSONValue? = nil) -> String {
        if case .script(let table) = self, let scripted = table.answer(tag: tag, message: lastUserMessage) {
            return scripted
        }
        if let schema { return JSONText.compact(SimStructured.minimalInstance(of: schema)) }
        if jsonMode { return Self.jsonEcho(lastUserMessage) }
        return "echo: " + lastUserMessage
    }

    /// A tool call's arguments: a scripted answer that is a JSON object wins (so a JSON
    /// answer asked through a tool, as the gateway does on Anthropic, reads as the script
    /// says); a schema that leaves the object free gets the JSON echo; else `minimal`.
    func toolArguments(tag: String?, lastUserMessage: String, schema: JSONValue, minimal: String) -> String {
        if case .script(let table) = self, let scripted = table.answer(tag: tag, message: lastUserMessage),
            case .object? = try? JSONParser.parse(scripted, limits: .document)
        {
            return scripted
        }
        if schema["properties"] == nil { return Self.jsonEcho(lastUserMessage) }
        return minimal
    }

    private static func jsonEcho(_ message: String) -> String {
        var text = "{\"echo\": "
        JSONText.appendQuoted(message, to: &text)
        text += "}"
        return text
    }
}
