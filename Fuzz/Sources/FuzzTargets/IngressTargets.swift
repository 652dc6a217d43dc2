import Foundation
@testable import GatewayProviders
import GatewayCore
import JSONCore
import NIOCore

/// The gateway's ingress: `POST /v1/chat/completions` bodies.
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
}
