import GatewayCore
import NIOCore

/// Encodes canonical stream events as the Messages API's SSE sequence: `message_start`,
/// `ping`, per content block `content_block_start` / `_delta` / `_stop`, then
/// `message_delta` (stop reason and usage) and `message_stop`. The stop reason and usage
/// are held until the end, where Anthropic sends them.
public struct AnthropicEventEncoder: IngressStreamEncoder {
    private let id: String
    private let model: String
    /// The open content block: its index and whether it is text.
    private var open: (index: Int, isText: Bool)?
    private var nextIndex = 0
    private var stopReason = "end_turn"
    private var usage = Usage(inputTokens: 0, outputTokens: 0)

    public init(id: String, model: String) {
        self.id = id
        self.model = model
    }

    public mutating func opening() -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":")
        out.writeJSONString(id)
        out.writeStaticString(",\"type\":\"message\",\"role\":\"assistant\",\"model\":")
        out.writeJSONString(model)
        out.writeStaticString(",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}}\n\n")
        out.writeStaticString("event: ping\ndata: {\"type\":\"ping\"}\n\n")
        return out
    }

    public mutating func encode(_ event: StreamEvent, includeUsage: Bool) -> ByteBuffer? {
        switch event {
        case .textDelta(let text):
            guard !text.isEmpty else { return nil }
            var out = ByteBuffer()
            if open?.isText != true { startBlock(text: true, into: &out) { $0.writeStaticString("{\"type\":\"text\",\"text\":\"\"}") } }
            out.writeStaticString("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":")
            out.writeJSONInteger(open?.index ?? 0)
            out.writeStaticString(",\"delta\":{\"type\":\"text_delta\",\"text\":")
            out.writeJSONString(text)
            out.writeStaticString("}}\n\n")
            return out
        case .toolCallDelta(let delta):
            var out = ByteBuffer()
            if let callID = delta.id {
                startBlock(text: false, into: &out) { block in
                    block.writeStaticString("{\"type\":\"tool_use\",\"id\":")
                    block.writeJSONString(callID)
                    block.writeStaticString(",\"name\":")
                    block.writeJSONString(delta.name ?? "")
                    block.writeStaticString(",\"input\":{}}")
                }
            }
            if !delta.argumentsFragment.isEmpty, let block = open, !block.isText {
                out.writeStaticString("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":")
                out.writeJSONInteger(block.index)
                out.writeStaticString(",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":")
                out.writeJSONString(delta.argumentsFragment)
                out.writeStaticString("}}\n\n")
            }
            return out.readableBytes > 0 ? out : nil
        case .finished(let reason):
            stopReason = AnthropicIngress.stopReason(reason)
            return nil
        case .usage(let reported):
            usage = reported
            return nil
        case .otherChoice:
            // This API has no `n`: its requests never ask for more than one choice.
            return nil
        }
    }

    public mutating func done() -> ByteBuffer {
        var out = ByteBuffer()
        closeBlock(into: &out)
        out.writeStaticString("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":")
        out.writeJSONString(stopReason)
        out.writeStaticString(",\"stop_sequence\":null},\"usage\":")
        out.writeAnthropicUsage(usage)
        out.writeStaticString("}\n\n")
        out.writeStaticString("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
        return out
    }

    /// `event: error` with Anthropic's error shape: how a failure after the first byte
    /// reaches an Anthropic client.
    public func errorEvent(message: String, type: String, code: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("event: error\ndata: ")
        var body = AnthropicIngress.encodeError(status: type == "timeout_error" ? 504 : 529, message: message)
        out.writeBuffer(&body)
        out.writeStaticString("\n\n")
        return out
    }

    private mutating func startBlock(text: Bool, into out: inout ByteBuffer, _ block: (inout ByteBuffer) -> Void) {
        closeBlock(into: &out)
        let index = nextIndex
        nextIndex += 1
        open = (index, text)
        out.writeStaticString("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":")
        out.writeJSONInteger(index)
        out.writeStaticString(",\"content_block\":")
        block(&out)
        out.writeStaticString("}\n\n")
    }

    private mutating func closeBlock(into out: inout ByteBuffer) {
        guard let block = open else { return }
        out.writeStaticString("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":")
        out.writeJSONInteger(block.index)
        out.writeStaticString("}\n\n")
        open = nil
    }
}
