import GatewayCore
import NIOCore

extension OpenAIIngress {
    /// A `chat.completion` object: each choice (one unless `n > 1`) with its text, tool
    /// calls and finish reason, and usage when the provider reported it.
    public static func encodeResponse(_ response: ChatResponse, model: String, created: Int) -> ByteBuffer {
        var out = ByteBuffer()
        out.reserveCapacity(256 + response.text.utf8.count)
        out.writeStaticString("{\"id\":")
        out.writeJSONString(response.id)
        out.writeStaticString(",\"object\":\"chat.completion\",\"created\":")
        out.writeJSONInteger(created)
        out.writeStaticString(",\"model\":")
        out.writeJSONString(model)
        out.writeStaticString(",\"choices\":[")
        out.writeChoice(response.firstChoice, index: 0)
        for (offset, choice) in response.otherChoices.enumerated() {
            out.writeStaticString(",")
            out.writeChoice(choice, index: offset + 1)
        }
        out.writeStaticString("]")
        if let usage = response.usage {
            out.writeStaticString(",\"usage\":")
            out.writeUsage(usage)
        }
        if let fingerprint = response.systemFingerprint {
            out.writeStaticString(",\"system_fingerprint\":")
            out.writeJSONString(fingerprint)
        }
        out.writeStaticString("}")
        return out
    }

    /// `{"error": {"message", "type", "param", "code"}}` from the error's own properties.
    public static func encodeError(_ error: GatewayError) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeErrorObject(message: error.message, type: error.errorType, param: error.param, code: error.code)
        return out
    }

    /// An OpenAI error body for errors raised below the router (connection limits, HTTP
    /// parser errors, head and body timeouts).
    public static func encodeError(message: String, type: String, code: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeErrorObject(message: message, type: type, param: nil, code: code)
        return out
    }

    /// `GET /v1/models`: each alias as a model owned by `llm-gateway`.
    public static func encodeModelList(_ aliases: [String], created: Int) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("{\"object\":\"list\",\"data\":[")
        for (index, alias) in aliases.enumerated() {
            if index > 0 { out.writeStaticString(",") }
            out.writeModel(alias, created: created)
        }
        out.writeStaticString("]}")
        return out
    }

    /// One `model` object (`GET /v1/models/{id}`).
    public static func encodeModel(_ alias: String, created: Int) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeModel(alias, created: created)
        return out
    }
}

extension ByteBuffer {
    /// `{"id","object":"model","created","owned_by":"llm-gateway"}`.
    mutating func writeModel(_ alias: String, created: Int) {
        writeStaticString("{\"id\":")
        writeJSONString(alias)
        writeStaticString(",\"object\":\"model\",\"created\":")
        writeJSONInteger(created)
        writeStaticString(",\"owned_by\":\"llm-gateway\"}")
    }

    /// `{"prompt_tokens","completion_tokens","total_tokens"}`.
    mutating func writeUsage(_ usage: Usage) {
        writeStaticString("{\"prompt_tokens\":")
        writeJSONInteger(usage.inputTokens)
        writeStaticString(",\"completion_tokens\":")
        writeJSONInteger(usage.outputTokens)
        writeStaticString(",\"total_tokens\":")
        writeJSONInteger(usage.totalTokens)
        if let cached = usage.cachedInputTokens {
            writeStaticString(",\"prompt_tokens_details\":{\"cached_tokens\":")
            writeJSONInteger(cached)
            writeStaticString("}")
        }
        if let reasoning = usage.reasoningTokens {
            writeStaticString(",\"completion_tokens_details\":{\"reasoning_tokens\":")
            writeJSONInteger(reasoning)
            writeStaticString("}")
        }
        writeStaticString("}")
    }

    /// `{"error":{"message","type","param","code"}}`.
    mutating func writeErrorObject(message: String, type: String, param: String?, code: String) {
        writeStaticString("{\"error\":{\"message\":")
        writeJSONString(message)
        writeStaticString(",\"type\":")
        writeJSONString(type)
        writeStaticString(",\"param\":")
        writeJSONString(orNull: param)
        writeStaticString(",\"code\":")
        writeJSONString(code)
        writeStaticString("}}")
    }
}

extension ByteBuffer {
    /// `{"index", "message": {"role", "content", "tool_calls"?}, "logprobs": null, "finish_reason"}`.
    fileprivate mutating func writeChoice(_ choice: ChatChoice, index: Int) {
        writeStaticString("{\"index\":")
        writeJSONInteger(index)
        writeStaticString(",\"message\":{\"role\":\"assistant\",\"content\":")
        writeJSONString(orNull: choice.text.isEmpty && !choice.toolCalls.isEmpty ? nil : choice.text)
        if !choice.toolCalls.isEmpty {
            writeStaticString(",\"tool_calls\":[")
            for (position, call) in choice.toolCalls.enumerated() {
                if position > 0 { writeStaticString(",") }
                writeStaticString("{\"id\":")
                writeJSONString(call.id)
                writeStaticString(",\"type\":\"function\",\"function\":{\"name\":")
                writeJSONString(call.name)
                writeStaticString(",\"arguments\":")
                writeJSONString(call.arguments)
                writeStaticString("}}")
            }
            writeStaticString("]")
        }
        writeStaticString("},\"logprobs\":null,\"finish_reason\":")
        writeJSONString(choice.finishReason.rawValue)
        writeStaticString("}")
    }
}
