import GatewayCore
import NIOCore

/// Encodes canonical stream events as OpenAI `chat.completion.chunk` SSE frames
/// (`data: {...}\n\n`). On the hot path: JSON is written by hand after a prefix
/// (`id`, `object`, `created`, `model`) built once per stream.
public struct OpenAIChunkEncoder: Sendable {
    /// `data: {"id":...,"object":"chat.completion.chunk","created":...,"model":...,"choices":`
    private let prefix: ByteBuffer
    /// How many choices the stream carries (`n`); each gets its own role chunk.
    private let choices: Int

    /// An encoder for one stream; every chunk carries the same id, model and creation time.
    public init(id: String, model: String, created: Int, choices: Int = 1) {
        self.choices = max(choices, 1)
        var prefix = ByteBuffer()
        prefix.writeStaticString("data: {\"id\":")
        prefix.writeJSONString(id)
        prefix.writeStaticString(",\"object\":\"chat.completion.chunk\",\"created\":")
        prefix.writeJSONInteger(created)
        prefix.writeStaticString(",\"model\":")
        prefix.writeJSONString(model)
        prefix.writeStaticString(",\"choices\":")
        self.prefix = prefix
    }

    /// The first chunk: `delta: {"role": "assistant", "content": ""}`, one per choice.
    public func roleChunk() -> ByteBuffer {
        var out = ByteBuffer()
        for index in 0..<choices {
            var chunk = frame(extra: 0) { out in
                out.writeStaticString("[{\"index\":")
                out.writeJSONInteger(index)
                out.writeStaticString(",\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]")
            }
            out.writeBuffer(&chunk)
        }
        return out
    }

    /// The frame for one event; nil for an empty text delta, and for usage unless
    /// `includeUsage` (then usage goes as a chunk with `choices: []`).
    public func encode(_ event: StreamEvent, includeUsage: Bool) -> ByteBuffer? {
        var out = ByteBuffer()
        out.reserveCapacity(prefix.readableBytes + 96 + Self.payloadBytes(event))
        return write(event, choice: 0, includeUsage: includeUsage, into: &out) ? out : nil
    }

    /// The bytes of `event`'s own payload, for sizing its frame's buffer once.
    private static func payloadBytes(_ event: StreamEvent) -> Int {
        switch event {
        case .textDelta(let text): text.utf8.count
        case .toolCallDelta(let delta): delta.argumentsFragment.utf8.count + (delta.name?.utf8.count ?? 0) + 64
        case .otherChoice(_, let inner): payloadBytes(inner)
        case .finished, .usage: 64
        }
    }

    /// Appends the frame of `event`, if it has one, to `out`.
    public func encode(_ event: StreamEvent, includeUsage: Bool, into out: inout ByteBuffer) {
        _ = write(event, choice: 0, includeUsage: includeUsage, into: &out)
    }

    /// Appends the frame of `event` to `out`; false (nothing written) when it has none.
    private func write(_ event: StreamEvent, choice: Int, includeUsage: Bool, into out: inout ByteBuffer) -> Bool {
        func open(_ out: inout ByteBuffer) {
            out.writeStaticString("[{\"index\":")
            out.writeJSONInteger(choice)
        }
        switch event {
        case .otherChoice(let index, let inner):
            return write(inner, choice: index, includeUsage: includeUsage, into: &out)
        case .textDelta(let text):
            guard !text.isEmpty else { return false }
            frame(into: &out) { out in
                open(&out)
                out.writeStaticString(",\"delta\":{\"content\":")
                out.writeJSONString(text)
                out.writeStaticString("},\"finish_reason\":null}]")
            }
        case .toolCallDelta(let delta):
            frame(into: &out) { out in
                open(&out)
                out.writeStaticString(",\"delta\":{\"tool_calls\":[{\"index\":")
                out.writeJSONInteger(delta.index)
                if let id = delta.id {
                    out.writeStaticString(",\"id\":")
                    out.writeJSONString(id)
                    out.writeStaticString(",\"type\":\"function\"")
                }
                out.writeStaticString(",\"function\":{")
                if let name = delta.name {
                    out.writeStaticString("\"name\":")
                    out.writeJSONString(name)
                    out.writeStaticString(",")
                }
                out.writeStaticString("\"arguments\":")
                out.writeJSONString(delta.argumentsFragment)
                out.writeStaticString("}}]},\"finish_reason\":null}]")
            }
        case .finished(let reason):
            frame(into: &out) { out in
                open(&out)
                out.writeStaticString(",\"delta\":{},\"finish_reason\":")
                out.writeJSONString(reason.rawValue)
                out.writeStaticString("}]")
            }
        case .usage(let usage):
            guard includeUsage else { return false }
            frame(into: &out) { out in
                out.writeStaticString("[],\"usage\":")
                out.writeUsage(usage)
            }
        }
        return true
    }

    /// `data: [DONE]\n\n`.
    public func done() -> ByteBuffer {
        ByteBuffer(staticString: "data: [DONE]\n\n")
    }

    /// `data: {"error": {"message", "type", "param": null, "code"}}\n\n`: how a failure
    /// after the first byte reaches an OpenAI client.
    public func errorEvent(message: String, type: String, code: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.reserveCapacity(96 + message.utf8.count)
        out.writeStaticString("data: ")
        out.writeErrorObject(message: message, type: type, param: nil, code: code)
        out.writeStaticString("\n\n")
        return out
    }

    private func frame(extra: Int, _ body: (inout ByteBuffer) -> Void) -> ByteBuffer {
        var out = ByteBuffer()
        out.reserveCapacity(prefix.readableBytes + 64 + extra)
        frame(into: &out, body)
        return out
    }

    private func frame(into out: inout ByteBuffer, _ body: (inout ByteBuffer) -> Void) {
        out.writeImmutableBuffer(prefix)
        body(&out)
        out.writeStaticString("}\n\n")
    }
}
