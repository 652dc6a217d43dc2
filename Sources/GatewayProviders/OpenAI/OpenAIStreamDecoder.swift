import Foundation
import GatewayCore
import JSONCore

/// Chat Completions chunks → canonical events. `data: [DONE]` completes the stream.
struct OpenAIStreamDecoder: StreamEventDecoder {
    private(set) var isComplete = false

    mutating func decode(_ event: SSEEvent) throws -> [StreamEvent] {
        let data = Self.trimmed(event.data)
        if data == "[DONE]" {
            isComplete = true
            return []
        }
        if data.isEmpty { return [] }
        let chunk: OpenAIWireChunk
        do {
            // The plain chunks of a text answer are read in one pass; anything else through the tree.
            chunk = try OpenAIWireChunk.plain(data, limits: WireJSON.limits) ?? OpenAIWireChunk(json: try WireJSON.value(fromText: data))
        } catch let error as WireShapeError {
            throw UpstreamError.malformedResponse("undecodable stream chunk: \(error)")
        } catch {
            throw UpstreamError.malformedResponse("undecodable stream chunk: \(ProviderHTTP.describe(error))")
        }
        if let error = chunk.error {
            throw OpenAIResponseMapping.streamError(error)
        }
        var events: [StreamEvent] = []
        for choice in chunk.choices ?? [] {
            let index = choice.index ?? 0
            let start = events.count
            if let text = choice.delta?.content ?? choice.delta?.refusal, !text.isEmpty {
                events.append(.textDelta(text))
            }
            for call in choice.delta?.toolCalls ?? [] {
                events.append(.toolCallDelta(ToolCallDelta(
                    index: call.index ?? 0,
                    id: call.id,
                    name: call.function?.name,
                    argumentsFragment: call.function?.arguments ?? ""
                )))
            }
            if let reason = choice.finishReason {
                events.append(.finished(OpenAIResponseMapping.finishReason(reason)))
            }
            // Choices 1… of an `n > 1` stream carry their index.
            if index > 0 {
                for position in start..<events.count {
                    events[position] = .otherChoice(index: index, events[position])
                }
            }
        }
        if let usage = chunk.usage {
            events.append(.usage(OpenAIResponseMapping.usage(usage)))
        }
        return events
    }

    /// `text` trimmed of `.whitespaces`; the text itself, uncopied, when it starts and ends
    /// with a printable ASCII byte (every chunk a real upstream sends), so the common case
    /// skips Foundation's character-set scan.
    static func trimmed(_ text: String) -> String {
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        if let first = text.utf8.first, let last = text.utf8.last, printable.contains(first), printable.contains(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
