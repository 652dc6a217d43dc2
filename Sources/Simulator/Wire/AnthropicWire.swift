/// Anthropic Messages bodies, SSE events and errors.
enum AnthropicWire {
    /// `message` JSON.
    static func body(_ reply: WireReply) -> String {
        var out = "{\"id\":\"msg_sim_\(reply.number)\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
        JSONText.appendQuoted(reply.model, to: &out)
        if let call = reply.answer.toolCall {
            out += ",\"content\":[{\"type\":\"tool_use\",\"id\":\(JSONText.quoted(call.id)),\"name\":\(JSONText.quoted(call.name)),"
            out += "\"input\":\(call.arguments)}]"
        } else {
            out += ",\"content\":[{\"type\":\"text\",\"text\":"
            JSONText.appendQuoted(reply.answer.text, to: &out)
            out += "}]"
        }
        out += ",\"stop_reason\":\"\(stopReason(reply))\",\"stop_sequence\":\(stopSequence(reply)),"
        out += "\"usage\":{\"input_tokens\":\(reply.inputTokens),\"output_tokens\":\(reply.answer.outputTokens),"
        out += "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}}"
        return out
    }

    /// message_start, content_block_start, ping, content_block_delta…, content_block_stop, message_delta, message_stop.
    static func streamEvents(_ reply: WireReply, plan: LatencyPlan) -> [TimedText] {
        var opening = event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_sim_\(reply.number)\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\(JSONText.quoted(reply.model)),\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":\(reply.inputTokens),\"output_tokens\":1}}}")
        let block =
            reply.answer.toolCall.map { call in
                "{\"type\":\"tool_use\",\"id\":\(JSONText.quoted(call.id)),\"name\":\(JSONText.quoted(call.name)),\"input\":{}}"
            } ?? "{\"type\":\"text\",\"text\":\"\"}"
        opening += event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":\(block)}")
        opening += event("ping", "{\"type\":\"ping\"}")
        var events = [TimedText(atMs: plan.openingMs, text: opening)]
        if let call = reply.answer.toolCall {
            for (index, fragment) in OpenAIWire.halves(call.arguments).enumerated() {
                let data = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
                    + JSONText.quoted(fragment) + "}}"
                events.append(TimedText(atMs: plan.chunkOffsetMs(index), text: event("content_block_delta", data)))
            }
        }
        for (index, chunk) in reply.answer.chunks.enumerated() {
            let data =
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                + JSONText.quoted(chunk) + "}}"
            events.append(TimedText(atMs: plan.chunkOffsetMs(index), text: event("content_block_delta", data)))
        }
        var closing = event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        closing += event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"\(stopReason(reply))\",\"stop_sequence\":\(stopSequence(reply))},"
                + "\"usage\":{\"output_tokens\":\(reply.answer.outputTokens)}}")
        closing += event("message_stop", "{\"type\":\"message_stop\"}")
        events.append(TimedText(atMs: plan.serviceMs, text: closing))
        return events
    }

    /// `{type: "error", error: {type, message}}`.
    static func error(_ kind: WireErrorKind, message: String) -> WireError {
        let (status, type): (Int, String) =
            switch kind {
            case .rateLimit: (429, "rate_limit_error")
            case .server: (500, "api_error")
            case .overloaded: (529, "overloaded_error")
            case .badRequest: (400, "invalid_request_error")
            case .notFound: (404, "not_found_error")
            }
        let body = "{\"type\":\"error\",\"error\":{\"type\":\"\(type)\",\"message\":\(JSONText.quoted(message))}}"
        return WireError(status: status, body: body)
    }

    private static func stopReason(_ reply: WireReply) -> String {
        if reply.answer.toolCall != nil { return "tool_use" }
        if reply.answer.stopSequence != nil { return "stop_sequence" }
        return reply.answer.truncated ? "max_tokens" : "end_turn"
    }

    private static func stopSequence(_ reply: WireReply) -> String {
        reply.answer.stopSequence.map(JSONText.quoted) ?? "null"
    }

    private static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\ndata: \(data)\n\n"
    }
}
