import GatewayCore
import NIOCore

/// `POST {baseURL}/v1/embeddings` (OpenAI and OpenAI-compatible servers): floats asked
/// for explicitly, so the answer is never base64.
extension OpenAIAPI: EmbeddingsVendorAPI {
    public func embeddingsURL(model: String) -> String { base + "/v1/embeddings" }

    public func embeddingsRequest(_ call: EmbeddingCall) -> any Encodable {
        OpenAIWireEmbeddingsRequest(model: call.model, input: call.inputs, dimensions: call.dimensions)
    }

    public func embeddings(from body: ByteBuffer, call: EmbeddingCall) throws(UpstreamError) -> EmbeddingReply {
        let wire = try ProviderHTTP.decodeJSON(OpenAIWireEmbeddings.self, from: body)
        let ordered = wire.data.enumerated().sorted { ($0.element.index ?? $0.offset) < ($1.element.index ?? $1.offset) }
        return EmbeddingReply(vectors: ordered.map(\.element.embedding), promptTokens: wire.usage?.promptTokens)
    }
}

struct OpenAIWireEmbeddingsRequest: Encodable {
    var model: String
    var input: [String]
    var dimensions: Int?
    var encodingFormat = "float"

    enum CodingKeys: String, CodingKey {
        case model, input, dimensions
        case encodingFormat = "encoding_format"
    }
}

/// `{"object":"list","data":[{"index","embedding"}],"usage":{"prompt_tokens"}}`.
struct OpenAIWireEmbeddings: Decodable {
    struct Item: Decodable {
        var index: Int?
        var embedding: [Float]
    }

    struct Usage: Decodable {
        var promptTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
        }
    }

    var data: [Item]
    var usage: Usage?
}
