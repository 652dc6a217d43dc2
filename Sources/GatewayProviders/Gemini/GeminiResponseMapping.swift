import Foundation
import GatewayCore
import NIOCore

/// `generateContent` wire answers → canonical answers and errors. Pure.
enum GeminiResponseMapping {
    /// Decodes a whole `GenerateContentResponse`.
    static func response(from body: ByteBuffer, model: String) throws(UpstreamError) -> ChatResponse {
        let wire = try ProviderHTTP.decodeJSON(GeminiWireResponse.self, from: body)
        let usage = wire.usageMetadata.map(usage)
        let id = wire.responseId ?? ""
        guard let candidate = wire.candidates?.first else {
            if wire.promptFeedback?.blockReason != nil {
                return ChatResponse(id: id, model: wire.modelVersion ?? model, text: "", finishReason: .contentFilter, usage: usage)
            }
            throw .malformedResponse("generateContent answer without candidates")
        }
        var text = ""
        var toolCalls: [ToolCall] = []
        for part in candidate.content?.parts ?? [] {
            if part.thought == true { continue }
            if let fragment = part.text { text += fragment }
            if let call = part.functionCall { toolCalls.append(toolCall(call)) }
        }
        return ChatResponse(
            id: id,
            model: wire.modelVersion ?? model,
            text: text,
            toolCalls: toolCalls,
            finishReason: finishReason(candidate.finishReason, sawToolCall: !toolCalls.isEmpty),
            usage: usage
        )
    }

    /// A function call with its arguments as JSON text; Gemini gives ids only sometimes.
    static func toolCall(_ call: GeminiWireFunctionCall) -> ToolCall {
        ToolCall(id: call.id ?? newCallID(), name: call.name, arguments: JSONText.encode(call.args ?? .object([:])))
    }

    static func newCallID() -> String {
        "call_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
    }

    static func usage(_ wire: GeminiWireResponse.Usage) -> Usage {
        Usage(
            inputTokens: wire.promptTokenCount ?? 0,
            outputTokens: (wire.candidatesTokenCount ?? 0) + (wire.thoughtsTokenCount ?? 0),
            cachedInputTokens: wire.cachedContentTokenCount,
            reasoningTokens: wire.thoughtsTokenCount
        )
    }

    /// STOP → stop (toolCalls when the answer called a function: Gemini says STOP then),
    /// MAX_TOKENS → length, the safety family → contentFilter; anything else → stop.
    static func finishReason(_ raw: String?, sawToolCall: Bool) -> FinishReason {
        switch raw {
        case "MAX_TOKENS": .length
        case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY": .contentFilter
        default: sawToolCall ? .toolCalls : .stop
        }
    }

    /// An in-stream `{"error": ...}` as the failure its HTTP twin would be.
    static func streamError(_ error: GeminiWireError) -> UpstreamError {
        .fromStatus(error.code ?? 500, retryAfter: nil, message: error.message ?? error.status ?? "error in stream")
    }
}
