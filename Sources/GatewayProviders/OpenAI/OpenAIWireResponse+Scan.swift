import JSONCore
import NIOCore

/// The fast read of a plain `chat.completion` answer: one ``JSONCursor`` pass building only
/// what the gateway maps (id, model, each choice's index, text, refusal and finish reason,
/// usage, system fingerprint), the rest skipped without being built.
///
/// Like the stream chunks' scan, it answers only what it is sure of: tool calls, a member of
/// an unexpected type, a number that is not a plain integer where a count is, a repeated
/// member it reads, a missing required member or a document the parser refuses give nil, and
/// the caller decodes the body with `Decodable` (``ProviderHTTP/decodeJSON(_:from:)``), which
/// decides and names every problem. For every body the result is nil or what that decode gives.
extension OpenAIWireResponse {
    static func plain(_ body: ByteBuffer, limits: JSONLimits) -> OpenAIWireResponse? {
        body.withUnsafeReadableBytes { bytes in
            guard var cursor = try? JSONCursor(bytes, limits: limits) else { return nil }
            return try? cursor.plainResponse()
        }
    }
}

extension JSONCursor {
    private static let responseKeys = Keys(["id", "model", "choices", "usage", "system_fingerprint"])
    private static let answerChoiceKeys = Keys(["index", "message", "finish_reason"])
    private static let messageKeys = Keys(["content", "refusal", "tool_calls"])
    private static let usageKeys = Keys(["prompt_tokens", "completion_tokens", "prompt_tokens_details", "completion_tokens_details"])
    private static let detailKeys = Keys(["cached_tokens", "reasoning_tokens"])

    fileprivate mutating func plainResponse() throws -> OpenAIWireResponse {
        var root = try enterPlainObject()
        var seen = Seen()
        var (id, model, fingerprint): (String?, String?, String?) = (nil, nil, nil)
        var choices: [OpenAIWireResponse.Choice]?
        var usage: OpenAIWireUsage?
        while let key = try nextKnown(in: &root, of: Self.responseKeys, seen: &seen) {
            guard try !null() else { continue }
            switch key {
            case 0: id = try plainString()
            case 1: model = try plainString()
            case 2:
                var list: [OpenAIWireResponse.Choice] = []
                var array = try enterPlainArray()
                while try nextElement(in: &array) { list.append(try plainAnswerChoice()) }
                choices = list
            case 3: usage = try plainUsage()
            default: fingerprint = try plainString()
            }
        }
        try finish()
        // `choices` is required (`null` or absent is refused by the decode).
        guard let choices else { throw NotPlain() }
        return OpenAIWireResponse(id: id, model: model, choices: choices, usage: usage, systemFingerprint: fingerprint)
    }

    private mutating func plainAnswerChoice() throws -> OpenAIWireResponse.Choice {
        var object = try enterPlainObject()
        var seen = Seen()
        var (index, message, finishReason): (Int?, OpenAIWireResponse.Message?, String?) = (nil, nil, nil)
        while let key = try nextKnown(in: &object, of: Self.answerChoiceKeys, seen: &seen) {
            guard try !null() else { continue }
            switch key {
            case 0: index = try plainInteger()
            case 1: message = try plainMessage()
            default: finishReason = try plainString()
            }
        }
        // `message` is required.
        guard let message else { throw NotPlain() }
        return OpenAIWireResponse.Choice(index: index, message: message, finishReason: finishReason)
    }

    private mutating func plainMessage() throws -> OpenAIWireResponse.Message {
        var object = try enterPlainObject()
        var seen = Seen()
        var message = OpenAIWireResponse.Message(content: nil, refusal: nil, toolCalls: nil)
        while let key = try nextKnown(in: &object, of: Self.messageKeys, seen: &seen) {
            guard try !null() else { continue }
            switch key {
            case 0: message.content = try plainString()
            case 1: message.refusal = try plainString()
            default: throw NotPlain()  // tool calls: decoded by `Decodable`.
            }
        }
        return message
    }

    private mutating func plainUsage() throws -> OpenAIWireUsage {
        var object = try enterPlainObject()
        var seen = Seen()
        var (prompt, completion): (Int?, Int?) = (nil, nil)
        var details: [OpenAIWireUsage.Details?] = [nil, nil]
        while let key = try nextKnown(in: &object, of: Self.usageKeys, seen: &seen) {
            guard try !null() else { continue }
            switch key {
            case 0: prompt = try plainInteger()
            case 1: completion = try plainInteger()
            default: details[key - 2] = try plainDetails()
            }
        }
        // Both counts are required.
        guard let prompt, let completion else { throw NotPlain() }
        return OpenAIWireUsage(
            promptTokens: prompt, completionTokens: completion, promptTokensDetails: details[0], completionTokensDetails: details[1])
    }

    private mutating func plainDetails() throws -> OpenAIWireUsage.Details {
        var object = try enterPlainObject()
        var seen = Seen()
        var details = OpenAIWireUsage.Details(cachedTokens: nil, reasoningTokens: nil)
        while let key = try nextKnown(in: &object, of: Self.detailKeys, seen: &seen) {
            guard try !null() else { continue }
            if key == 0 { details.cachedTokens = try plainInteger() } else { details.reasoningTokens = try plainInteger() }
        }
        return details
    }
}
