import GatewayCache
import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers from the cache: JSON, or SSE replayed with the same chunk shape as a live stream
/// (role chunk, content chunks, finish chunk, the usage chunk when asked, `[DONE]`).
enum CachedResponses {
    /// The headers of a hit: the cache outcome, `x-gateway-provider: cache`, the model that
    /// produced the answer, and the gateway's own time (all of it: nothing went upstream).
    static func headers(answer: CachedAnswer, outcome: CacheOutcome, score: Double?, elapsed: Duration) -> HTTPFields {
        var fields = HTTPFields()
        fields[.gatewayCache] = outcome.rawValue
        if let score { fields[.gatewayCacheScore] = String(format: "%.4f", score) }
        fields[.gatewayProvider] = "cache"
        fields[.gatewayModel] = answer.model
        fields[.gatewayAttempts] = "0"
        if answer.provider.hasSuffix(ExecutionTrace.simulatedSuffix) { fields[.gatewaySimulated] = "true" }
        fields[.gatewayOverhead] = ExecutionTrace.formatMilliseconds(elapsed)
        return fields
    }

    static func json(_ answer: CachedAnswer, chat: ChatRequest, api: IngressAPI, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let response = answer.response(id: api.newID())
        let body = api.encodeResponse(response, model: chat.model, created: ChatCompletionsHandler.unixTime())
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    static func stream(_ answer: CachedAnswer, chat: ChatRequest, api: IngressAPI, headers: HTTPFields) -> Response {
        let headers = StreamPump.eventStreamHeaders(headers)
        var encoder = api.streamEncoder(model: chat.model, created: ChatCompletionsHandler.unixTime())
        let includeUsage = chat.includeUsage
        var frames = [encoder.opening()]
        for event in answer.streamEvents() {
            if let frame = encoder.encode(event, includeUsage: includeUsage) { frames.append(frame) }
        }
        frames.append(encoder.done())
        var body = ByteBuffer()
        for var frame in frames { body.writeBuffer(&frame) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}

