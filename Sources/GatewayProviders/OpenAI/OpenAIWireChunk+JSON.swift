import JSONCore

/// A stream chunk read from the bounded JSON parser's tree by hand: the relay's hottest
/// decode (one per streamed chunk), where Foundation's `JSONDecoder` and its `Codable`
/// containers were over a third of the gateway's CPU. Same rules as the `Decodable`
/// conformance: an absent or `null` member is nil, a member of the wrong type (or a token
/// count that is not an integer) is an error naming it.
extension OpenAIWireChunk {
    init(json: JSONValue) throws(WireShapeError) {
        let root = try WireShape.object(json, "chunk")
        self.init(
            choices: try WireShape.array(root["choices"], "choices")?.enumerated().map { (offset, item) throws(WireShapeError) in
                try Choice(json: item, path: "choices[\(offset)]")
            },
            usage: try WireShape.present(root["usage"]).map { (value) throws(WireShapeError) in try OpenAIWireUsage(json: value) },
            error: try WireShape.present(root["error"]).map { (value) throws(WireShapeError) in try OpenAIWireError(json: value) })
    }
}

extension OpenAIWireChunk.Choice {
    init(json: JSONValue, path: @autoclosure () -> String) throws(WireShapeError) {
        let object = try WireShape.object(json, path())
        self.init(
            index: try WireShape.int(object["index"], path() + ".index"),
            delta: try WireShape.present(object["delta"]).map { (value) throws(WireShapeError) in
                try OpenAIWireChunk.Delta(json: value, path: path() + ".delta")
            },
            finishReason: try WireShape.string(object["finish_reason"], path() + ".finish_reason"))
    }
}

extension OpenAIWireChunk.Delta {
    init(json: JSONValue, path: @autoclosure () -> String) throws(WireShapeError) {
        let object = try WireShape.object(json, path())
        self.init(
            content: try WireShape.string(object["content"], path() + ".content"),
            refusal: try WireShape.string(object["refusal"], path() + ".refusal"),
            toolCalls: try WireShape.array(object["tool_calls"], path() + ".tool_calls")?.enumerated().map { (offset, item) throws(WireShapeError) in
                func callPath() -> String { path() + ".tool_calls[\(offset)]" }
                let call = try WireShape.object(item, callPath())
                let function = try WireShape.present(call["function"]).map { (value) throws(WireShapeError) in
                    let object = try WireShape.object(value, callPath() + ".function")
                    return OpenAIWireChunk.FunctionDelta(
                        name: try WireShape.string(object["name"], callPath() + ".function.name"),
                        arguments: try WireShape.string(object["arguments"], callPath() + ".function.arguments"))
                }
                return OpenAIWireChunk.ToolCallDelta(
                    index: try WireShape.int(call["index"], callPath() + ".index"), id: try WireShape.string(call["id"], callPath() + ".id"),
                    function: function)
            })
    }
}

extension OpenAIWireUsage {
    init(json: JSONValue) throws(WireShapeError) {
        let object = try WireShape.object(json, "usage")
        guard let prompt = try WireShape.int(object["prompt_tokens"], "usage.prompt_tokens") else {
            throw WireShapeError(path: "usage.prompt_tokens", problem: "is missing")
        }
        guard let completion = try WireShape.int(object["completion_tokens"], "usage.completion_tokens") else {
            throw WireShapeError(path: "usage.completion_tokens", problem: "is missing")
        }
        func details(_ key: String) throws(WireShapeError) -> Details? {
            guard let value = WireShape.present(object[key]) else { return nil }
            let details = try WireShape.object(value, "usage." + key)
            return Details(
                cachedTokens: try WireShape.int(details["cached_tokens"], "usage.\(key).cached_tokens"),
                reasoningTokens: try WireShape.int(details["reasoning_tokens"], "usage.\(key).reasoning_tokens"))
        }
        self.init(
            promptTokens: prompt, completionTokens: completion, promptTokensDetails: try details("prompt_tokens_details"),
            completionTokensDetails: try details("completion_tokens_details"))
    }
}

extension OpenAIWireError {
    init(json: JSONValue) throws(WireShapeError) {
        let object = try WireShape.object(json, "error")
        self.init(message: try WireShape.string(object["message"], "error.message"), type: try WireShape.string(object["type"], "error.type"))
    }
}
