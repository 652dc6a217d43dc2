import Foundation
import GatewayCore

/// `streamGenerateContent?alt=sse` chunks → canonical events. Gemini has no terminal
/// event: the stream is complete once a chunk carried a `finishReason`.
struct GeminiStreamDecoder: StreamEventDecoder {
    private(set) var isComplete = false
    private var toolCalls = 0
    private var usage: Usage?

    mutating func decode(_ event: SSEEvent) throws -> [StreamEvent] {
        if event.data.allSatisfy(\.isWhitespace) { return [] }
        let chunk: GeminiWireResponse
        do {
            chunk = try WireJSON.decode(GeminiWireResponse.self, fromText: event.data)
        } catch {
            throw UpstreamError.malformedResponse("undecodable stream chunk: \(ProviderHTTP.describe(error))")
        }
        if let error = chunk.error {
            throw GeminiResponseMapping.streamError(error)
        }
        if let metadata = chunk.usageMetadata {
            usage = GeminiResponseMapping.usage(metadata)
        }
        var events: [StreamEvent] = []
        guard let candidate = chunk.candidates?.first else {
            if chunk.promptFeedback?.blockReason != nil {
                events.append(.finished(.contentFilter))
                finish(&events)
            }
            return events
        }
        for part in candidate.content?.parts ?? [] {
            if part.thought == true { continue }
            if let text = part.text, !text.isEmpty { events.append(.textDelta(text)) }
            if let call = part.functionCall {
                let complete = GeminiResponseMapping.toolCall(call)
                events.append(.toolCallDelta(ToolCallDelta(index: toolCalls, id: complete.id, name: complete.name, argumentsFragment: complete.arguments)))
                toolCalls += 1
            }
        }
        if let reason = candidate.finishReason {
            events.append(.finished(GeminiResponseMapping.finishReason(reason, sawToolCall: toolCalls > 0)))
            finish(&events)
        }
        return events
    }

    private mutating func finish(_ events: inout [StreamEvent]) {
        if let usage { events.append(.usage(usage)) }
        isComplete = true
    }
}
