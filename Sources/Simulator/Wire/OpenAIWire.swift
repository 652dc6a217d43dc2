/// OpenAI Chat Completions bodies, stream chunks and errors.
enum OpenAIWire {
    /// `chat.completion` JSON: `reply.choices` choices, each the same answer.
    static func body(_ reply: WireReply) -> String {
        var out = prefix(reply, object: "chat.completion")
        for index in 0..<reply.choices {
            if index > 0 { out += "," }
            out += "{\"index\":\(index),\"message\":{\"role\":\"assistant\",\"content\":"
            if let call = reply.answer.toolCall {
                out += "null,\"tool_calls\":[{\"id\":\(JSONText.quoted(call.id)),\"type\":\"function\",\"function\":{\"name\":"
                out += JSONText.quoted(call.name) + ",\"arguments\":" + JSONText.quoted(call.arguments) + "}}]"
            } else {
                JSONText.appendQuoted(reply.answer.text, to: &out)
            }
            out += ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"\(finishReason(reply))\"}"
        }
        out += "]," + usage(reply) + ",\"system_fingerprint\":\"fp_sim\"}"
        return out
    }

    /// `data: {chunk}` events: role, content chunks, finish, optional usage, `[DONE]`. With
    /// `n > 1` every step carries one chunk per choice, interleaved as OpenAI sends them.
    static func streamEvents(_ reply: WireReply, plan: LatencyPlan) -> [TimedText] {
        let chunkPrefix = prefix(reply, object: "chat.completion.chunk")
        func choice(_ delta: String, finish: String = "null") -> String {
            func one(_ index: Int) -> String {
                "data: " + chunkPrefix + "{\"index\":\(index),\"delta\":\(delta),\"logprobs\":null,\"finish_reason\":\(finish)}]}\n\n"
            }
            return reply.choices == 1 ? one(0) : (0..<reply.choices).map(one).joined()
        }
        var events = [TimedText(atMs: plan.openingMs, text: choice("{\"role\":\"assistant\",\"content\":\"\"}"))]
        if let call = reply.answer.toolCall {
            let head = "{\"tool_calls\":[{\"index\":0,\"id\":\(JSONText.quoted(call.id)),\"type\":\"function\","
                + "\"function\":{\"name\":\(JSONText.quoted(call.name)),\"arguments\":\"\"}}]}"
            events.append(TimedText(atMs: plan.chunkOffsetMs(0), text: choice(head)))
            for (index, fragment) in halves(call.arguments).enumerated() {
                let delta = "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\(JSONText.quoted(fragment))}}]}"
                events.append(TimedText(atMs: plan.chunkOffsetMs(index), text: choice(delta)))
            }
        }
        for (index, chunk) in reply.answer.chunks.enumerated() {
            events.append(TimedText(atMs: plan.chunkOffsetMs(index), text: choice("{\"content\":\(JSONText.quoted(chunk))}")))
        }
        var closing = choice("{}", finish: "\"\(finishReason(reply))\"")
        if reply.includeUsage {
            closing += "data: " + chunkPrefix + "]," + usage(reply) + "}\n\n"
        }
        closing += "data: [DONE]\n\n"
        events.append(TimedText(atMs: plan.serviceMs, text: closing))
        return events
    }

    /// `{error: {message, type, param, code}}`.
    static func error(_ kind: WireErrorKind, message: String) -> WireError {
        let (status, type, code): (Int, String, String) =
            switch kind {
            case .rateLimit: (429, "rate_limit_error", "rate_limit_exceeded")
            case .server: (500, "server_error", "server_error")
            case .overloaded: (529, "overloaded_error", "overloaded")
            case .badRequest: (400, "invalid_request_error", "invalid_request")
            case .notFound: (404, "invalid_request_error", "not_found")
            }
        let body = "{\"error\":{\"message\":\(JSONText.quoted(message)),\"type\":\"\(type)\",\"param\":null,\"code\":\"\(code)\"}}"
        return WireError(status: status, body: body)
    }

    private static func finishReason(_ reply: WireReply) -> String {
        reply.answer.toolCall != nil ? "tool_calls" : reply.answer.truncated ? "length" : "stop"
    }

    /// A text in two pieces (arguments stream in fragments, as real providers send them).
    static func halves(_ text: String) -> [String] {
        guard text.count > 1 else { return [text] }
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        return [String(text[..<middle]), String(text[middle...])]
    }

    /// `{"id":…,"object":…,"created":…,"model":…,"choices":[` — the shared head of bodies and chunks.
    private static func prefix(_ reply: WireReply, object: String) -> String {
        "{\"id\":\"chatcmpl-sim-\(reply.number)\",\"object\":\"\(object)\",\"created\":\(reply.created),\"model\":"
            + JSONText.quoted(reply.model) + ",\"choices\":["
    }

    /// Every choice's output tokens count: `n` answers cost `n` times one.
    private static func usage(_ reply: WireReply) -> String {
        let output = reply.answer.outputTokens * reply.choices
        return "\"usage\":{\"prompt_tokens\":\(reply.inputTokens),\"completion_tokens\":\(output),"
            + "\"total_tokens\":\(reply.inputTokens + output),\"prompt_tokens_details\":{\"cached_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}"
    }
}
