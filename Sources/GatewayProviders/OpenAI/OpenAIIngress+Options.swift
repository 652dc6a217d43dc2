import GatewayCore

extension OpenAIIngress {
    /// Every top-level field the decoder reads (or deliberately owns): the rest is `extra`.
    static let knownFields: Set<String> = [
        "model", "messages", "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "response_format", "user",
        "tools", "tool_choice", "stream", "stream_options", "n", "seed", "presence_penalty", "frequency_penalty", "logit_bias",
        "logprobs", "top_logprobs", "parallel_tool_calls", "reasoning_effort", "metadata", "store", "service_tier",
        // The gateway's own body extension (`cache.no_store`), never forwarded.
        "cache",
    ]

    /// Seed, penalties, logit bias, logprobs, parallel tool calls, reasoning effort: each
    /// checked against OpenAI's documented range.
    static func generationOptions(_ body: IngressObject) throws(GatewayError) -> GenerationOptions {
        let logprobs = try body.bool("logprobs")
        let topLogprobs = try integer(body, "top_logprobs", in: 0...20)
        if topLogprobs != nil && logprobs != true {
            throw IngressObject.invalid("top_logprobs", "needs 'logprobs': true")
        }
        return GenerationOptions(
            seed: try integer(body, "seed", in: Int(Int64.min / 2)...Int(Int64.max / 2)),
            presencePenalty: try body.number("presence_penalty", in: -2...2),
            frequencyPenalty: try body.number("frequency_penalty", in: -2...2),
            logitBias: try logitBias(body),
            logprobs: logprobs,
            topLogprobs: topLogprobs,
            parallelToolCalls: try body.bool("parallel_tool_calls"),
            reasoningEffort: try oneOf(body, "reasoning_effort", ["minimal", "low", "medium", "high"])
        )
    }

    /// Metadata (at most 16 string pairs, as OpenAI allows), store, service tier.
    static func serviceOptions(_ body: IngressObject) throws(GatewayError) -> ServiceOptions {
        var metadata: [String: String]?
        if let object = try body.object("metadata") {
            guard object.members.count <= 16 else { throw IngressObject.invalid("metadata", "may hold at most 16 pairs") }
            var pairs: [String: String] = [:]
            for key in object.members.keys {
                guard key.utf8.count <= 64 else { throw IngressObject.invalid("metadata", "keys are at most 64 characters") }
                let value = try object.requiredString(key)
                guard value.utf8.count <= 512 else { throw IngressObject.invalid(object.param(key), "is longer than 512 characters") }
                pairs[key] = value
            }
            metadata = pairs
        }
        return ServiceOptions(
            metadata: metadata,
            store: try body.bool("store"),
            serviceTier: try oneOf(body, "service_tier", ["auto", "default", "flex", "scale", "priority"]))
    }

    /// Top-level members the gateway does not know, kept as they came.
    static func extraFields(_ body: IngressObject) -> [String: JSONValue] {
        body.members.filter { !knownFields.contains($0.key) }
    }

    /// `{"<token id>": bias}` with biases in -100...100.
    static func logitBias(_ body: IngressObject) throws(GatewayError) -> [String: Int]? {
        guard let object = try body.object("logit_bias") else { return nil }
        var bias: [String: Int] = [:]
        for key in object.members.keys {
            guard key.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), !key.isEmpty else {
                throw IngressObject.invalid(object.param(key), "must be a token id")
            }
            guard let value = try integer(object, key, in: -100...100) else { continue }
            bias[key] = value
        }
        return bias
    }

    static func integer(_ object: IngressObject, _ key: String, in range: ClosedRange<Int>) throws(GatewayError) -> Int? {
        guard let value = object.value(key) else { return nil }
        guard case .number(let number) = value, number.rounded() == number,
            number >= Double(range.lowerBound), number <= Double(range.upperBound)
        else {
            throw IngressObject.invalid(object.param(key), "must be an integer between \(range.lowerBound) and \(range.upperBound)")
        }
        return Int(number)
    }

    static func oneOf(_ object: IngressObject, _ key: String, _ allowed: [String]) throws(GatewayError) -> String? {
        guard let text = try object.string(key) else { return nil }
        guard allowed.contains(text) else {
            throw IngressObject.invalid(object.param(key), "must be one of \(allowed.joined(separator: ", ")), not '\(text)'")
        }
        return text
    }
}
