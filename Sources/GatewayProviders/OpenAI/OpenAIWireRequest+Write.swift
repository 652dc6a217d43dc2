import JSONCore
import NIOCore

/// The request body written straight into a buffer: every upstream request pays for its
/// encoding, and Foundation's `JSONEncoder` (a new encoder, `Codable` containers, a `Data`
/// copy) was ~4 % of a JSON request's CPU. Same members, same order as `encode(to:)`;
/// nil when a number is not finite, which the `Encodable` path refuses with its own error.
extension OpenAIWireRequest: DirectJSONBody {
    func jsonBody() -> ByteBuffer? {
        var out = ByteBuffer()
        out.reserveCapacity(512 + messages.reduce(0) { $0 + $1.approximateSize })
        var object = JSONObjectWriter(&out)
        object.member("model", &out) { $0.writeJSONString(model) }
        object.member("messages", &out) { out in out.writeJSONArray(messages) { $0.write(into: &$1) } }
        guard object.number("temperature", temperature, &out), object.number("top_p", topP, &out) else { return nil }
        object.integer("max_tokens", maxTokens, &out)
        object.integer("max_completion_tokens", maxCompletionTokens, &out)
        if let stop { object.member("stop", &out) { out in out.writeJSONArray(stop) { $1.writeJSONString($0) } } }
        if let responseFormat {
            guard responseFormat.jsonSchema.map({ $0.schema.isFinite }) ?? true else { return nil }
            object.member("response_format", &out) { responseFormat.write(into: &$0) }
        }
        object.string("user", user, &out)
        if let tools {
            guard tools.allSatisfy({ $0.function.parameters?.isFinite ?? true }) else { return nil }
            object.member("tools", &out) { out in out.writeJSONArray(tools) { $0.write(into: &$1) } }
        }
        if let toolChoice { object.member("tool_choice", &out) { toolChoice.write(into: &$0) } }
        object.bool("stream", stream, &out)
        if let streamOptions {
            object.member("stream_options", &out) { out in
                out.writeStaticString("{\"include_usage\":")
                out.writeJSONBool(streamOptions.includeUsage)
                out.writeStaticString("}")
            }
        }
        object.integer("n", n, &out)
        object.integer("seed", seed, &out)
        guard object.number("presence_penalty", presencePenalty, &out), object.number("frequency_penalty", frequencyPenalty, &out) else {
            return nil
        }
        if let logitBias {
            object.member("logit_bias", &out) { out in
                var bias = JSONObjectWriter(&out)
                for (token, value) in logitBias { bias.integer(token, value, &out) }
                bias.close(&out)
            }
        }
        object.bool("logprobs", logprobs, &out)
        object.integer("top_logprobs", topLogprobs, &out)
        object.bool("parallel_tool_calls", parallelToolCalls, &out)
        object.string("reasoning_effort", reasoningEffort, &out)
        if let metadata {
            object.member("metadata", &out) { out in
                var members = JSONObjectWriter(&out)
                for (key, value) in metadata { members.string(key, value, &out) }
                members.close(&out)
            }
        }
        object.bool("store", store, &out)
        object.string("service_tier", serviceTier, &out)
        if !extra.isEmpty {
            let documented = Set(CodingKeys.allCases.map(\.rawValue))
            for (key, value) in extra where !documented.contains(key) {
                guard value.isFinite else { return nil }
                object.member(key, &out) { $0.writeJSONValue(value) }
            }
        }
        object.close(&out)
        return out
    }
}

extension OpenAIWireMessage {
    var approximateSize: Int {
        switch content {
        case .text(let text): 64 + text.utf8.count
        case .parts(let parts): 64 + parts.reduce(0) { $0 + 48 + ($1.text?.utf8.count ?? 0) + ($1.imageURL?.url.utf8.count ?? 0) }
        case nil: 64
        }
    }

    func write(into out: inout ByteBuffer) {
        var object = JSONObjectWriter(&out)
        object.string("role", role, &out)
        switch content {
        case .text(let text): object.string("content", text, &out)
        case .parts(let parts):
            object.member("content", &out) { out in
                out.writeJSONArray(parts) { part, out in
                    var members = JSONObjectWriter(&out)
                    members.string("type", part.type, &out)
                    members.string("text", part.text, &out)
                    if let image = part.imageURL {
                        members.member("image_url", &out) { out in
                            out.writeStaticString("{\"url\":")
                            out.writeJSONString(image.url)
                            out.writeStaticString("}")
                        }
                    }
                    members.close(&out)
                }
            }
        case nil: break
        }
        object.string("name", name, &out)
        if let toolCalls {
            object.member("tool_calls", &out) { out in
                out.writeJSONArray(toolCalls) { call, out in
                    var members = JSONObjectWriter(&out)
                    members.string("id", call.id, &out)
                    members.string("type", call.type, &out)
                    members.member("function", &out) { out in
                        var function = JSONObjectWriter(&out)
                        function.string("name", call.function.name, &out)
                        function.string("arguments", call.function.arguments, &out)
                        function.close(&out)
                    }
                    members.close(&out)
                }
            }
        }
        object.string("tool_call_id", toolCallID, &out)
        object.close(&out)
    }
}

extension OpenAIWireResponseFormat {
    func write(into out: inout ByteBuffer) {
        var object = JSONObjectWriter(&out)
        object.string("type", type, &out)
        if let schema = jsonSchema {
            object.member("json_schema", &out) { out in
                var members = JSONObjectWriter(&out)
                members.string("name", schema.name, &out)
                members.member("schema", &out) { $0.writeJSONValue(schema.schema) }
                members.bool("strict", schema.strict, &out)
                members.close(&out)
            }
        }
        object.close(&out)
    }
}

extension OpenAIWireTool {
    func write(into out: inout ByteBuffer) {
        var object = JSONObjectWriter(&out)
        object.string("type", type, &out)
        object.member("function", &out) { out in
            var members = JSONObjectWriter(&out)
            members.string("name", function.name, &out)
            members.string("description", function.description, &out)
            if let parameters = function.parameters { members.member("parameters", &out) { $0.writeJSONValue(parameters) } }
            members.bool("strict", function.strict, &out)
            members.close(&out)
        }
        object.close(&out)
    }
}

extension OpenAIWireToolChoice {
    func write(into out: inout ByteBuffer) {
        switch self {
        case .mode(let mode): out.writeJSONString(mode)
        case .function(let name):
            out.writeStaticString("{\"type\":\"function\",\"function\":{\"name\":")
            out.writeJSONString(name)
            out.writeStaticString("}}")
        }
    }
}
