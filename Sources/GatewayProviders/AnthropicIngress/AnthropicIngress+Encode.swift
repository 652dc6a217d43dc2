import GatewayCore
import NIOCore

extension AnthropicIngress {
    /// A canonical answer as a Messages `message` object (text and tool-use blocks).
    public static func encodeResponse(_ response: ChatResponse, model: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.reserveCapacity(256 + response.text.utf8.count)
        out.writeStaticString("{\"id\":")
        out.writeJSONString(response.id)
        out.writeStaticString(",\"type\":\"message\",\"role\":\"assistant\",\"model\":")
        out.writeJSONString(model)
        out.writeStaticString(",\"content\":[")
        var first = true
        if !response.text.isEmpty {
            out.writeStaticString("{\"type\":\"text\",\"text\":")
            out.writeJSONString(response.text)
            out.writeStaticString("}")
            first = false
        }
        for call in response.toolCalls {
            if !first { out.writeStaticString(",") }
            first = false
            out.writeStaticString("{\"type\":\"tool_use\",\"id\":")
            out.writeJSONString(call.id)
            out.writeStaticString(",\"name\":")
            out.writeJSONString(call.name)
            out.writeStaticString(",\"input\":")
            out.writeString(JSONText.encode(JSONText.object(from: call.arguments)))
            out.writeStaticString("}")
        }
        out.writeStaticString("],\"stop_reason\":")
        out.writeJSONString(stopReason(response.finishReason))
        out.writeStaticString(",\"stop_sequence\":null,\"usage\":")
        out.writeAnthropicUsage(response.usage ?? Usage(inputTokens: 0, outputTokens: 0))
        out.writeStaticString("}")
        return out
    }

    /// `end_turn`, `max_tokens`, `tool_use`, `refusal`.
    static func stopReason(_ reason: FinishReason) -> String {
        switch reason {
        case .stop: "end_turn"
        case .length: "max_tokens"
        case .toolCalls: "tool_use"
        case .contentFilter: "refusal"
        }
    }

    /// `{"type":"error","error":{"type","message"}}` with Anthropic's error type for the
    /// status (its SDK maps the status to an exception class, the type to a name).
    public static func encodeError(_ error: GatewayError) -> ByteBuffer {
        encodeError(status: error.httpStatus, message: error.message)
    }

    public static func encodeError(status: Int, message: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("{\"type\":\"error\",\"error\":{\"type\":")
        out.writeJSONString(errorType(status: status))
        out.writeStaticString(",\"message\":")
        out.writeJSONString(message)
        out.writeStaticString("}}")
        return out
    }

    static func errorType(status: Int) -> String {
        switch status {
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 504: "timeout_error"
        case 529, 503: "overloaded_error"
        case 400..<500: "invalid_request_error"
        default: "api_error"
        }
    }
}

extension ByteBuffer {
    /// `{"input_tokens","output_tokens"}`, plus `cache_read_input_tokens` when known.
    mutating func writeAnthropicUsage(_ usage: Usage) {
        writeStaticString("{\"input_tokens\":")
        writeJSONInteger(usage.inputTokens)
        writeStaticString(",\"output_tokens\":")
        writeJSONInteger(usage.outputTokens)
        if let cached = usage.cachedInputTokens {
            writeStaticString(",\"cache_read_input_tokens\":")
            writeJSONInteger(cached)
        }
        writeStaticString("}")
    }
}
