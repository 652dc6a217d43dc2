@testable import GatewayProviders
import GatewayCore
import NIOCore

/// Each provider's non-streaming response body decoder.
enum ProviderTargets {
    static let openAIResponse = FuzzTarget(name: "openai-response") { bytes in
        // The one-pass read of plain answers answers nothing the `Decodable` decode would not.
        let body = ByteBuffer(bytes: bytes)
        if let plain = OpenAIWireResponse.plain(body, limits: WireJSON.limits) {
            precondition(plain == (try? ProviderHTTP.decodeJSON(OpenAIWireResponse.self, from: body)), "the plain read differs from the decode")
        }
        check { body throws(UpstreamError) in try OpenAIResponseMapping.response(from: body, model: "m") }(bytes)
    }

    static let anthropicResponse = FuzzTarget(name: "anthropic-response") { bytes in
        check { body throws(UpstreamError) in try AnthropicResponseMapping.response(from: body, model: "m") }(bytes)
    }

    static let geminiResponse = FuzzTarget(name: "gemini-response") { bytes in
        check { body throws(UpstreamError) in try GeminiResponseMapping.response(from: body, model: "m") }(bytes)
    }

    /// Decode; failures are thrown `UpstreamError`s. An answer that decodes must encode
    /// to the client as JSON, whole and as stream chunks.
    static func check(
        _ decode: @escaping (ByteBuffer) throws(UpstreamError) -> ChatResponse
    ) -> (UnsafeRawBufferPointer) -> Void {
        { bytes in
            let response: ChatResponse
            do throws(UpstreamError) {
                response = try decode(ByteBuffer(bytes: bytes))
            } catch {
                _ = "\(error)"
                return
            }
            JSONCheck.isJSON(OpenAIIngress.encodeResponse(response, model: response.model, created: 0), "client response")
            let encoder = OpenAIChunkEncoder(id: response.id, model: response.model, created: 0)
            if let chunk = encoder.encode(.textDelta(response.text), includeUsage: true) {
                JSONCheck.isSSEOfJSON(chunk, "text chunk")
            }
        }
    }
}
