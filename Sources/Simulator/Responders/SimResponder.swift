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
    func answer(tag: String?, lastUserMessage: String, jsonMode: Bool) -> String {
        if case .script(let table) = self, let scripted = table.answer(tag: tag, message: lastUserMessage) {
            return scripted
        }
        if jsonMode {
            var text = "{\"echo\": "
            JSONText.appendQuoted(lastUserMessage, to: &text)
            text += "}"
            return text
        }
        return "echo: " + lastUserMessage
    }
}
