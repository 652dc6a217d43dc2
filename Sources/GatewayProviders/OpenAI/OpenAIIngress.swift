import Foundation
import GatewayCore
import JSONCore
import NIOCore
import NIOFoundationCompat

/// The gateway's own API, OpenAI Chat Completions: decodes client requests into the
/// canonical form and encodes canonical answers, errors and model lists back.
public enum OpenAIIngress {
    /// Decodes and validates a `POST /v1/chat/completions` body. Unknown top-level fields
    /// are kept in `extra` (passed to OpenAI-compatible providers, refused by name by the
    /// others); every invalid field throws
    /// ``GatewayError/invalidRequest(message:param:)`` naming it in `param`.
    public static func decodeRequest(_ body: ByteBuffer, limits: JSONLimits = .request) throws(GatewayError) -> ChatRequest {
        try decode(body, limits: limits).request
    }

    /// ``decodeRequest(_:limits:)`` plus the gateway's own body extensions, which are not
    /// part of the canonical request (so never part of a cache key).
    public static func decode(_ body: ByteBuffer, limits: JSONLimits = .request) throws(GatewayError) -> IngressRequest {
        let root = try parseBody(body, limits: limits)
        guard case .object(let members) = root else {
            throw .invalidRequest(message: "request body must be a JSON object", param: nil)
        }
        let object = IngressObject(members, path: "")
        let cache = try object.object("cache")
        let noStore = try cache?.bool("no_store") ?? false
        return IngressRequest(request: try request(object), noStore: noStore)
    }

    /// The body as a JSON value, through the bounded parser: too large, too deep or not
    /// JSON is a 400 that says which and where.
    public static func parseBody(_ body: ByteBuffer, limits: JSONLimits) throws(GatewayError) -> JSONValue {
        do {
            return try body.withUnsafeReadableBytes { try JSONParser.parse($0, limits: limits) }
        } catch let error as JSONParseError {
            if case .tooLarge(let limit) = error.reason { throw .payloadTooLarge(limitBytes: limit) }
            throw .invalidRequest(message: "request body is not valid JSON: \(error)", param: nil)
        } catch {
            throw .invalidRequest(message: "request body is not valid JSON", param: nil)
        }
    }

    /// The most choices (`n`) one request may ask for: each is a full answer's tokens, and
    /// on providers without `n` a call of its own.
    public static let maxChoices = 8

    static func request(_ body: IngressObject) throws(GatewayError) -> ChatRequest {
        guard case .string(let model)? = body.value("model") else {
            throw IngressObject.invalid("model", "is required and must be a string")
        }
        guard let items = try body.array("messages"), !items.isEmpty else {
            throw IngressObject.invalid("messages", "must be a non-empty array of messages")
        }
        var messages: [ChatMessage] = []
        messages.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            messages.append(try message(item, path: "messages[\(index)]"))
        }
        let n = try body.positiveInteger("n")
        if let n, n > maxChoices {
            throw IngressObject.invalid("n", "must be at most \(maxChoices), got \(n)")
        }
        let tools = try tools(body)
        let streamOptions = try body.object("stream_options")
        return ChatRequest(
            model: model,
            messages: messages,
            temperature: try body.number("temperature", in: 0...2),
            topP: try body.number("top_p", in: 0...1),
            maxTokens: try maxTokens(body),
            stop: try stop(body),
            responseFormat: try responseFormat(body),
            user: try body.string("user"),
            tools: tools,
            toolChoice: try toolChoice(body, tools: tools),
            stream: try body.bool("stream") ?? false,
            includeUsage: try streamOptions?.bool("include_usage") ?? false,
            n: n.flatMap { $0 > 1 ? $0 : nil },
            options: try generationOptions(body),
            service: try serviceOptions(body),
            extra: extraFields(body)
        )
    }

    /// `max_completion_tokens` (the current name) wins over `max_tokens`; both are checked.
    static func maxTokens(_ body: IngressObject) throws(GatewayError) -> Int? {
        let legacy = try body.positiveInteger("max_tokens")
        return try body.positiveInteger("max_completion_tokens") ?? legacy
    }

    /// A string or an array of strings.
    static func stop(_ body: IngressObject) throws(GatewayError) -> [String] {
        switch body.value("stop") {
        case nil: return []
        case .string(let sequence)?: return [sequence]
        case .array(let items)?:
            var sequences: [String] = []
            for item in items {
                guard case .string(let sequence) = item else {
                    throw IngressObject.invalid("stop", "must be a string or an array of strings")
                }
                sequences.append(sequence)
            }
            return sequences
        default:
            throw IngressObject.invalid("stop", "must be a string or an array of strings")
        }
    }

    /// `{"type": "text" | "json_object" | "json_schema", "json_schema": {"name", "schema"}}`.
    static func responseFormat(_ body: IngressObject) throws(GatewayError) -> ResponseFormat? {
        guard let format = try body.object("response_format") else { return nil }
        switch try format.requiredString("type") {
        case "text":
            return .text
        case "json_object":
            return .jsonObject
        case "json_schema":
            guard let schema = try format.object("json_schema") else {
                throw IngressObject.invalid(format.param("json_schema"), "is required when type is json_schema")
            }
            let definition = try schema.object("schema")
            return .jsonSchema(
                name: try schema.string("name") ?? "response", schema: .object(definition?.members ?? [:]), strict: try schema.bool("strict"))
        case let other:
            throw IngressObject.invalid(format.param("type"), "must be text, json_object or json_schema, not '\(other)'")
        }
    }
}

/// A decoded request and the gateway extensions that came with it.
public struct IngressRequest: Sendable {
    public var request: ChatRequest
    /// Body extension `"cache": {"no_store": true}`: as `Cache-Control: no-store`.
    public var noStore: Bool
}
