import GatewayCore
import NIOCore

/// `POST {baseURL}/v1beta/models/{model}:batchEmbedContents`: one request per input. Gemini
/// reports no token count, so usage is the gateway's estimate.
extension GeminiAPI: EmbeddingsVendorAPI {
    public func embeddingsURL(model: String) -> String {
        base + "/v1beta/models/" + Self.modelID(model) + ":batchEmbedContents"
    }

    public func embeddingsRequest(_ call: EmbeddingCall) -> any Encodable {
        let name = "models/" + Self.modelID(call.model)
        return GeminiWireBatchEmbed(requests: call.inputs.map { text in
            GeminiWireBatchEmbed.Item(
                model: name, content: .init(parts: [.init(text: text)]), outputDimensionality: call.dimensions)
        })
    }

    public func embeddings(from body: ByteBuffer, call: EmbeddingCall) throws(UpstreamError) -> EmbeddingReply {
        let wire = try ProviderHTTP.decodeJSON(GeminiWireBatchEmbedAnswer.self, from: body)
        return EmbeddingReply(vectors: wire.embeddings.map(\.values), promptTokens: nil)
    }

    /// A model id without its `models/` prefix.
    static func modelID(_ model: String) -> String {
        model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
    }
}

/// `{"requests":[{"model","content":{"parts":[{"text"}]},"outputDimensionality"?}]}`.
struct GeminiWireBatchEmbed: Encodable {
    struct Item: Encodable {
        var model: String
        var content: Content
        var outputDimensionality: Int?
    }

    struct Content: Encodable {
        var parts: [Part]
    }

    struct Part: Encodable {
        var text: String
    }

    var requests: [Item]
}

/// `{"embeddings":[{"values":[...]}]}`.
struct GeminiWireBatchEmbedAnswer: Decodable {
    struct Embedding: Decodable {
        var values: [Float]
    }

    var embeddings: [Embedding]
}
