import GatewayCore
import NIOCore

extension ResponsesIngress {
    /// What a `response` object holds: its output so far and its state.
    struct Snapshot {
        var id: String
        var model: String
        var createdAt: Int
        var status: String
        var text: String
        var toolCalls: [ToolCall]
        var usage: Usage?
        var incomplete: Bool

        var messageID: String { "msg_" + id.dropFirst("resp_".count) }
    }

    /// A canonical answer as a completed `response` object.
    public static func encodeResponse(_ response: ChatResponse, model: String, created: Int) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeResponseObject(Snapshot(
            id: response.id, model: model, createdAt: created, status: response.finishReason == .length ? "incomplete" : "completed",
            text: response.text, toolCalls: response.toolCalls, usage: response.usage, incomplete: response.finishReason == .length))
        return out
    }

    /// Errors keep OpenAI's shape (the Responses API uses the same envelope).
    public static func encodeError(_ error: GatewayError) -> ByteBuffer {
        OpenAIIngress.encodeError(error)
    }
}

extension ByteBuffer {
    /// `{"id","object":"response","created_at","status","model","output":[...],"usage",...}`.
    mutating func writeResponseObject(_ snapshot: ResponsesIngress.Snapshot) {
        writeStaticString("{\"id\":")
        writeJSONString(snapshot.id)
        writeStaticString(",\"object\":\"response\",\"created_at\":")
        writeJSONInteger(snapshot.createdAt)
        writeStaticString(",\"status\":")
        writeJSONString(snapshot.status)
        writeStaticString(",\"error\":null,\"incomplete_details\":")
        if snapshot.incomplete { writeStaticString("{\"reason\":\"max_output_tokens\"}") } else { writeStaticString("null") }
        writeStaticString(",\"model\":")
        writeJSONString(snapshot.model)
        writeStaticString(",\"output\":[")
        var first = true
        if !snapshot.text.isEmpty || (snapshot.toolCalls.isEmpty && snapshot.status != "in_progress") {
            writeMessageItem(id: snapshot.messageID, text: snapshot.text, status: "completed")
            first = false
        }
        for call in snapshot.toolCalls {
            if !first { writeStaticString(",") }
            first = false
            writeFunctionCallItem(call, status: "completed")
        }
        writeStaticString("],\"parallel_tool_calls\":true,\"store\":false,\"tools\":[],\"usage\":")
        if let usage = snapshot.usage {
            writeStaticString("{\"input_tokens\":")
            writeJSONInteger(usage.inputTokens)
            writeStaticString(",\"input_tokens_details\":{\"cached_tokens\":")
            writeJSONInteger(usage.cachedInputTokens ?? 0)
            writeStaticString("},\"output_tokens\":")
            writeJSONInteger(usage.outputTokens)
            writeStaticString(",\"output_tokens_details\":{\"reasoning_tokens\":")
            writeJSONInteger(usage.reasoningTokens ?? 0)
            writeStaticString("},\"total_tokens\":")
            writeJSONInteger(usage.totalTokens)
            writeStaticString("}")
        } else {
            writeStaticString("null")
        }
        writeStaticString("}")
    }

    /// An assistant `message` item with one `output_text` part.
    mutating func writeMessageItem(id: String, text: String?, status: String) {
        writeStaticString("{\"type\":\"message\",\"id\":")
        writeJSONString(id)
        writeStaticString(",\"status\":")
        writeJSONString(status)
        writeStaticString(",\"role\":\"assistant\",\"content\":[")
        if let text {
            writeOutputTextPart(text)
        }
        writeStaticString("]}")
    }

    mutating func writeOutputTextPart(_ text: String) {
        writeStaticString("{\"type\":\"output_text\",\"text\":")
        writeJSONString(text)
        writeStaticString(",\"annotations\":[]}")
    }

    /// A `function_call` item.
    mutating func writeFunctionCallItem(_ call: ToolCall, status: String) {
        writeStaticString("{\"type\":\"function_call\",\"id\":")
        writeJSONString("fc_" + call.id)
        writeStaticString(",\"call_id\":")
        writeJSONString(call.id)
        writeStaticString(",\"name\":")
        writeJSONString(call.name)
        writeStaticString(",\"arguments\":")
        writeJSONString(call.arguments)
        writeStaticString(",\"status\":")
        writeJSONString(status)
        writeStaticString("}")
    }
}
