/// Gemini generateContent bodies, SSE chunks and errors.
enum GeminiWire {
    /// `GenerateContentResponse` JSON.
    static func body(_ reply: WireReply) -> String {
        response(reply, text: reply.answer.text, final: true)
    }

    /// `data: {GenerateContentResponse}\r\n\r\n` per chunk; the last carries finishReason and usage; no [DONE].
    static func streamEvents(_ reply: WireReply, plan: LatencyPlan) -> [TimedText] {
        let chunks = reply.answer.chunks.isEmpty ? [""] : reply.answer.chunks
        return chunks.enumerated().map { index, chunk in
            let isLast = index == chunks.count - 1
            let text = "data: " + response(reply, text: chunk, final: isLast) + "\r\n\r\n"
            return TimedText(atMs: isLast ? plan.serviceMs : plan.chunkOffsetMs(index), text: text)
        }
    }

    /// `{error: {code, message, status}}`; "overloaded" is Gemini's 503 UNAVAILABLE.
    static func error(_ kind: WireErrorKind, message: String) -> WireError {
        let (status, name): (Int, String) =
            switch kind {
            case .rateLimit: (429, "RESOURCE_EXHAUSTED")
            case .server: (500, "INTERNAL")
            case .overloaded: (503, "UNAVAILABLE")
            case .badRequest: (400, "INVALID_ARGUMENT")
            case .notFound: (404, "NOT_FOUND")
            }
        let body = "{\"error\":{\"code\":\(status),\"message\":\(JSONText.quoted(message)),\"status\":\"\(name)\"}}"
        return WireError(status: status, body: body)
    }

    private static func response(_ reply: WireReply, text: String, final: Bool) -> String {
        var out = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
        if let call = reply.answer.toolCall {
            out += "{\"functionCall\":{\"name\":\(JSONText.quoted(call.name)),\"args\":\(call.arguments)}}"
        } else {
            out += "{\"text\":"
            JSONText.appendQuoted(text, to: &out)
            out += "}"
        }
        out += "]}"
        if final {
            out += ",\"finishReason\":\"\(reply.answer.truncated ? "MAX_TOKENS" : "STOP")\""
        }
        out += ",\"index\":0}]"
        if final {
            let output = reply.answer.outputTokens
            out += ",\"usageMetadata\":{\"promptTokenCount\":\(reply.inputTokens),"
            out += "\"candidatesTokenCount\":\(output),\"totalTokenCount\":\(reply.inputTokens + output)}"
        }
        out += ",\"modelVersion\":" + JSONText.quoted(reply.model) + ",\"responseId\":\"sim-\(reply.number)\"}"
        return out
    }
}
