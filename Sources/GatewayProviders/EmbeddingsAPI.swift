import GatewayCore
import NIOCore

/// A vendor API with an embeddings endpoint: where to send, the body, and how to read the
/// vectors. ``HTTPProvider`` does the sending, error classification and body reading.
public protocol EmbeddingsVendorAPI: VendorAPI {
    func embeddingsURL(model: String) -> String
    func embeddingsRequest(_ call: EmbeddingCall) -> any Encodable
    /// Maps the answer; a body it cannot read, or one with the wrong number of vectors, is
    /// ``UpstreamError/malformedResponse(_:)``.
    func embeddings(from body: ByteBuffer, call: EmbeddingCall) throws(UpstreamError) -> EmbeddingReply
}

extension HTTPProvider: EmbeddingProvider where API: EmbeddingsVendorAPI {
    /// Sends one embeddings request (never retried here: the route maps failures as chat does).
    public func embed(_ call: EmbeddingCall) async throws -> EmbeddingReply {
        do {
            let request = TransportRequest(
                url: api.embeddingsURL(model: call.model),
                headers: ProviderHTTP.headers(forwarded: call.forwardedHeaders, auth: api.authHeaders(key: key), streaming: false),
                body: try ProviderHTTP.encodeJSON(api.embeddingsRequest(call)))
            let response = try await ProviderHTTP.send(request, via: transport, deadline: call.deadline, key: key)
            let body = try await ProviderHTTP.readBody(response, key: key)
            let reply = try api.embeddings(from: body, call: call)
            guard reply.vectors.count == call.inputs.count else {
                throw UpstreamError.malformedResponse("\(reply.vectors.count) embeddings for \(call.inputs.count) inputs")
            }
            return reply
        } catch {
            throw ProviderHTTP.sanitize(error, key: key)
        }
    }
}
