import Foundation
@testable import GatewayProviders
import GatewayCore
import JSONCore
import NIOCore

/// The gateway's ingresses: `POST /v1/chat/completions`, `/v1/messages` and `/v1/responses` bodies.
enum IngressTargets {
    /// Decode; a failure must be a `GatewayError` whose client body is JSON. A request
    /// that decodes must map to every provider's wire request and encode without trap.
    static let chatRequest = FuzzTarget(name: "ingress") { bytes in
        let body = ByteBuffer(bytes: bytes)
        let ingress: IngressRequest
        do throws(GatewayError) {
            ingress = try OpenAIIngress.decode(body)
        } catch {
            JSONCheck.isJSON(OpenAIIngress.encodeError(error), "ingress error body")
            return
        }
        let request = ingress.request
        JSONCheck.encodes(OpenAIRequestMapping.wireRequest(request, model: "m", dialect: .openai, stream: request.stream), "OpenAI wire request")
        JSONCheck.encodes(OpenAIRequestMapping.wireRequest(request, model: "m", dialect: .compatible, stream: false), "compatible wire request")
        JSONCheck.encodes(AnthropicRequestMapping.wireRequest(request, model: "m", stream: request.stream), "Anthropic wire request")
        JSONCheck.encodes(GeminiRequestMapping.wireRequest(request), "Gemini wire request")
    }

    /// `POST /v1/messages` and `POST /v1/responses` bodies: the same contract, and a request
    /// that decodes maps to the OpenAI wire request (the one that carries every field).
    static let messagesRequest = FuzzTarget(name: "ingress-messages") { bytes in
        decodesOrNamesTheProblem(bytes) { body throws(GatewayError) in try AnthropicIngress.decode(body) }
    }

    static let responsesRequest = FuzzTarget(name: "ingress-responses") { bytes in
        decodesOrNamesTheProblem(bytes) { body throws(GatewayError) in try ResponsesIngress.decode(body) }
    }

    private static func decodesOrNamesTheProblem(_ bytes: UnsafeRawBufferPointer, _ decode: (ByteBuffer) throws(GatewayError) -> IngressRequest) {
        let ingress: IngressRequest
        do throws(GatewayError) {
            ingress = try decode(ByteBuffer(bytes: bytes))
        } catch {
            JSONCheck.isJSON(AnthropicIngress.encodeError(error), "ingress error body")
            return
        }
        JSONCheck.encodes(
            OpenAIRequestMapping.wireRequest(ingress.request, model: "m", dialect: .openai, stream: ingress.request.stream), "OpenAI wire request")
    }
}
