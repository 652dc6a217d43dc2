import GatewayCore

/// The canonical, answer-relevant form of a request, and its digests.
///
/// Derivation (format 1): the whole `ChatRequest` is encoded with its synthesized `Encodable`
/// conformance as compact JSON with sorted keys (``CanonicalEncoder``), after setting `model` to the alias and clearing the
/// fields that cannot change the answer (`stream`, `includeUsage`, `user`, the service
/// options: metadata, store, service tier). Because the
/// encoding is synthesized, a stored property added to `ChatRequest` later (seed, penalties,
/// logprobs, an `extra` bag …) is part of the key automatically: a new field can only make the
/// cache miss more, never hit wrongly. A new field that does not change the answer must be
/// cleared in ``answerRelevant(_:alias:)``, next to `stream` and `user`.
///
/// The request is already decoded, so JSON key order and whitespace of the client's body
/// never reach the key; content parts keep their order (it is meaningful); object members of
/// free-form JSON (tool schemas, `response_format` schemas) are sorted by the encoder.
public enum CanonicalRequest {
    /// Bumped whenever the canonical form changes, so old keys are simply never asked for.
    public static let formatVersion = 2

    /// The request with the alias as its model and every answer-irrelevant field cleared.
    public static func answerRelevant(_ request: ChatRequest, alias: String) -> ChatRequest {
        var canonical = request
        canonical.model = alias
        canonical.stream = false
        canonical.includeUsage = false
        canonical.user = nil
        canonical.service = ServiceOptions()
        return canonical
    }

    /// The sorted-key JSON bytes of ``answerRelevant(_:alias:)``.
    public static func encoding(of request: ChatRequest, alias: String) -> [UInt8] {
        encode(answerRelevant(request, alias: alias))
    }

    /// The digest of everything that can change the answer: the exact tier's key.
    public static func exactDigest(of request: ChatRequest, alias: String) -> RequestDigest {
        digest(domain: "exact", encode(answerRelevant(request, alias: alias)))
    }

    /// The digest of everything except the last user message's content: the semantic tier's
    /// bucket (requests in one bucket differ only in the message that is compared by meaning).
    /// The message keeps its place, with no parts, so "system + user" and "user + system"
    /// stay apart.
    public static func bucketDigest(of request: ChatRequest, alias: String) -> RequestDigest {
        var canonical = answerRelevant(request, alias: alias)
        if let index = canonical.messages.lastIndex(where: { $0.role == .user }) {
            canonical.messages[index] = ChatMessage(role: .user, parts: [])
        }
        return digest(domain: "bucket", encode(canonical))
    }

    private static func digest(domain: String, _ body: [UInt8]) -> RequestDigest {
        var input = Array("llm-gateway \(domain) \(formatVersion)\n".utf8)
        input.append(contentsOf: body)
        return RequestDigest(hashing: input)
    }

    private static func encode(_ request: ChatRequest) -> [UInt8] {
        if let bytes = try? CanonicalEncoder.encode(request) { return bytes }
        // Unreachable (the canonical encoder never throws); a stable fallback, not a crash.
        return Array(String(reflecting: request).utf8)
    }
}
