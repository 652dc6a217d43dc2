import GatewayCore

/// A vendor wire format an adapter speaks.
public enum Vendor: String, Sendable, CaseIterable {
    case openai
    case anthropic
    case gemini
}

/// What an adapter does with a request field its client set.
public enum FieldHandling: String, Sendable {
    /// Sent under the same name and meaning.
    case passed
    /// Expressed in the vendor's own terms, with the same effect.
    case translated
    /// The vendor cannot honour it: the route is skipped (another may serve it), and with
    /// no route left the client gets a 400 naming the field and the provider.
    case refused
}

/// One row of the field table: a request field and each vendor's handling, with how.
public struct FieldRow: Sendable {
    public var field: String
    public var openai: FieldHandling
    public var anthropic: FieldHandling
    public var gemini: FieldHandling
    public var how: String

    public func handling(_ vendor: Vendor) -> FieldHandling {
        switch vendor {
        case .openai: openai
        case .anthropic: anthropic
        case .gemini: gemini
        }
    }
}

/// The field table as data: the adapters consult it before sending, the README prints it
/// (`FieldSupport.markdownTable`), and a test holds the two together.
public enum FieldSupport {
    public static let rows: [FieldRow] = [
        FieldRow(field: "messages (text, images, tool calls and results)", openai: .passed, anthropic: .translated, gemini: .translated, how: "Anthropic content blocks / Gemini parts; system messages become `system` / `systemInstruction`"),
        FieldRow(field: "temperature", openai: .passed, anthropic: .translated, gemini: .passed, how: "Anthropic's range is 0–1: higher values are clamped to 1"),
        FieldRow(field: "top_p", openai: .passed, anthropic: .passed, gemini: .translated, how: "Gemini `topP`"),
        FieldRow(field: "max_tokens / max_completion_tokens", openai: .passed, anthropic: .translated, gemini: .translated, how: "OpenAI `max_completion_tokens` (`max_tokens` to compatible servers); Anthropic `max_tokens`, when absent the model's known output limit; Gemini `maxOutputTokens`"),
        FieldRow(field: "stop", openai: .passed, anthropic: .translated, gemini: .translated, how: "`stop_sequences` / `stopSequences`"),
        FieldRow(field: "response_format: json_object", openai: .passed, anthropic: .translated, gemini: .translated, how: "Anthropic: a forced tool whose input is the JSON object, returned as the message content; Gemini `responseMimeType: application/json`"),
        FieldRow(field: "response_format: json_schema", openai: .passed, anthropic: .translated, gemini: .translated, how: "Anthropic: a forced tool with the schema as its `input_schema`; Gemini `responseJsonSchema`"),
        FieldRow(field: "response_format.json_schema.strict", openai: .passed, anthropic: .refused, gemini: .translated, how: "Gemini enforces `responseJsonSchema`; Anthropic's Messages API (2023-06-01) cannot guarantee a schema"),
        FieldRow(field: "tools, tool_choice", openai: .passed, anthropic: .translated, gemini: .translated, how: "Anthropic `tools`/`tool_choice` (`required` → `any`); Gemini `functionDeclarations`/`functionCallingConfig`"),
        FieldRow(field: "tools[].function.strict", openai: .passed, anthropic: .refused, gemini: .refused, how: "neither guarantees tool arguments match the schema"),
        FieldRow(field: "parallel_tool_calls", openai: .passed, anthropic: .translated, gemini: .refused, how: "Anthropic `disable_parallel_tool_use`; Gemini has no switch (`true`, its default, is accepted)"),
        FieldRow(field: "seed", openai: .passed, anthropic: .refused, gemini: .translated, how: "Gemini `generationConfig.seed`; Anthropic has no seed"),
        FieldRow(field: "presence_penalty, frequency_penalty", openai: .passed, anthropic: .refused, gemini: .translated, how: "Gemini `presencePenalty`/`frequencyPenalty`"),
        FieldRow(field: "logit_bias", openai: .passed, anthropic: .refused, gemini: .refused, how: "token ids are OpenAI's own"),
        FieldRow(field: "logprobs, top_logprobs", openai: .passed, anthropic: .refused, gemini: .translated, how: "Gemini `responseLogprobs`/`logprobs`"),
        FieldRow(field: "reasoning_effort", openai: .passed, anthropic: .refused, gemini: .refused, how: "other vendors budget thinking in tokens, per model"),
        FieldRow(field: "user", openai: .passed, anthropic: .translated, gemini: .refused, how: "Anthropic `metadata.user_id`; Gemini has no end-user id (never part of a cache key)"),
        FieldRow(field: "metadata, store: true", openai: .passed, anthropic: .refused, gemini: .refused, how: "OpenAI stored completions; `store: false` is accepted everywhere"),
        FieldRow(field: "service_tier", openai: .passed, anthropic: .refused, gemini: .refused, how: "`auto` and `default` (the vendor's normal tier) are accepted everywhere"),
        FieldRow(field: "n > 1", openai: .passed, anthropic: .translated, gemini: .translated, how: "OpenAI `n` (at most 8); elsewhere the gateway fans out: n concurrent one-choice calls of the alias, merged by index, usage summed; streamed, the calls' chunks interleave under one id as they arrive, one summed usage chunk and one `[DONE]`; never cached"),
        FieldRow(field: "unknown top-level fields", openai: .passed, anthropic: .refused, gemini: .refused, how: "kept as they came and sent to OpenAI-compatible servers, which know their own extensions"),
    ]

    /// The rows' fields that `request` sets and `vendor` refuses, by the name the client used.
    public static func refused(in request: ChatRequest, by vendor: Vendor) -> [String] {
        guard vendor != .openai else { return [] }
        var refused: [String] = []
        func check(_ row: String, _ name: String, when isSet: Bool) {
            guard isSet, let entry = rows.first(where: { $0.field == row }), entry.handling(vendor) == .refused else { return }
            refused.append(name)
        }
        let options = request.options
        if case .jsonSchema(_, _, let strict) = request.responseFormat {
            check("response_format.json_schema.strict", "response_format.json_schema.strict", when: strict == true)
        }
        check("tools[].function.strict", "tools[].function.strict", when: request.tools.contains { $0.strict == true })
        check("parallel_tool_calls", "parallel_tool_calls", when: options.parallelToolCalls == false)
        check("seed", "seed", when: options.seed != nil)
        check("presence_penalty, frequency_penalty", "presence_penalty", when: options.presencePenalty != nil)
        check("presence_penalty, frequency_penalty", "frequency_penalty", when: options.frequencyPenalty != nil)
        check("logit_bias", "logit_bias", when: options.logitBias != nil)
        check("logprobs, top_logprobs", "logprobs", when: options.logprobs == true)
        check("reasoning_effort", "reasoning_effort", when: options.reasoningEffort != nil)
        check("user", "user", when: request.user != nil)
        check("metadata, store: true", "metadata", when: request.service.metadata != nil)
        check("metadata, store: true", "store", when: request.service.store == true)
        check("service_tier", "service_tier", when: request.service.serviceTier.map { !["auto", "default"].contains($0) } ?? false)
        // The gateway fans `n > 1` out before an adapter without `n` is called; one that
        // still reaches it is refused rather than answered with a single choice.
        if request.choiceCount > 1 { refused.append("n") }
        for name in request.extra.keys.sorted() {
            check("unknown top-level fields", name, when: true)
        }
        return refused
    }

    /// The README's field table.
    public static var markdownTable: String {
        var lines = ["| field | OpenAI | Anthropic | Gemini | how |", "|---|---|---|---|---|"]
        for row in rows {
            lines.append("| \(row.field) | \(row.openai.rawValue) | \(row.anthropic.rawValue) | \(row.gemini.rawValue) | \(row.how) |")
        }
        return lines.joined(separator: "\n")
    }
}
