import Foundation
import GatewayCore

/// Messages stream events → canonical events. `message_stop` completes the stream;
/// `ping` and unknown events are ignored; `error` throws. When JSON was asked for
/// (`jsonAnswer`), the JSON tool's input streams as the answer's text.
struct AnthropicStreamDecoder: StreamEventDecoder {
    private(set) var isComplete = false
    private var inputTokens = 0
    /// Anthropic numbers content blocks (text and tool use together); canonical tool
    /// calls are numbered among tool calls only.
    private var toolIndexByBlock: [Int: Int] = [:]
    private let jsonToolName: String?
    /// The content block that carries the JSON answer, once it started.
    private var jsonBlock: Int?

    init(jsonAnswer: Bool = false) {
        self.jsonToolName = jsonAnswer ? AnthropicRequestMapping.jsonToolName : nil
    }

    mutating func decode(_ event: SSEEvent) throws -> [StreamEvent] {
        let wire: AnthropicWireStreamEvent
        do {
            wire = try WireJSON.decode(AnthropicWireStreamEvent.self, fromText: event.data)
        } catch {
            if event.event == "error" { throw AnthropicResponseMapping.streamError(nil) }
            throw UpstreamError.malformedResponse("undecodable stream event: \(ProviderHTTP.describe(error))")
        }
        switch wire.type {
        case "message_start":
            inputTokens = wire.message?.usage?.totalInput ?? 0
            return []
        case "content_block_start":
            return blockStarted(wire)
        case "content_block_delta":
            return blockDelta(wire)
        case "message_delta":
            var events: [StreamEvent] = []
            if let reason = wire.delta?.stopReason {
                let answeredInJSON = jsonBlock != nil && reason == "tool_use"
                events.append(.finished(answeredInJSON ? .stop : AnthropicResponseMapping.finishReason(reason)))
            }
            if let usage = wire.usage {
                events.append(.usage(Usage(inputTokens: usage.totalInput ?? inputTokens, outputTokens: usage.outputTokens ?? 0)))
            }
            return events
        case "message_stop":
            isComplete = true
            return []
        case "error":
            throw AnthropicResponseMapping.streamError(wire.error)
        default:
            return []
        }
    }

    private mutating func blockStarted(_ wire: AnthropicWireStreamEvent) -> [StreamEvent] {
        guard let block = wire.contentBlock else { return [] }
        switch block.type {
        case "tool_use" where jsonToolName != nil && block.name == jsonToolName:
            jsonBlock = wire.index ?? -1
            return []
        case "tool_use":
            let toolIndex = toolIndexByBlock.count
            toolIndexByBlock[wire.index ?? toolIndex] = toolIndex
            return [.toolCallDelta(ToolCallDelta(index: toolIndex, id: block.id, name: block.name, argumentsFragment: ""))]
        case "text":
            guard let text = block.text, !text.isEmpty else { return [] }
            return [.textDelta(text)]
        default:
            return []
        }
    }

    private func blockDelta(_ wire: AnthropicWireStreamEvent) -> [StreamEvent] {
        guard let delta = wire.delta else { return [] }
        switch delta.type {
        case "text_delta":
            guard let text = delta.text, !text.isEmpty else { return [] }
            return [.textDelta(text)]
        case "input_json_delta" where jsonBlock != nil && jsonBlock == (wire.index ?? -1):
            guard let fragment = delta.partialJSON, !fragment.isEmpty else { return [] }
            return [.textDelta(fragment)]
        case "input_json_delta":
            guard let fragment = delta.partialJSON, !fragment.isEmpty,
                let toolIndex = toolIndexByBlock[wire.index ?? -1]
            else { return [] }
            return [.toolCallDelta(ToolCallDelta(index: toolIndex, argumentsFragment: fragment))]
        default:
            return []
        }
    }
}
