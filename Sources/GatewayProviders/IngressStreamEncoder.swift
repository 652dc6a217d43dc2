import GatewayCore
import NIOCore

/// Writes one streamed answer in an ingress API's SSE shape: the opening frames, one
/// frame (or none) per canonical event, the closing frames, and an in-stream error.
public protocol IngressStreamEncoder: Sendable {
    mutating func opening() -> ByteBuffer
    mutating func encode(_ event: StreamEvent, includeUsage: Bool) -> ByteBuffer?
    /// Appends the frame of `event` (if it has one) to `out`: a relay encodes a whole upstream
    /// read into one buffer.
    mutating func encode(_ event: StreamEvent, includeUsage: Bool, into out: inout ByteBuffer)
    mutating func done() -> ByteBuffer
    func errorEvent(message: String, type: String, code: String) -> ByteBuffer
}

extension IngressStreamEncoder {
    public mutating func encode(_ event: StreamEvent, includeUsage: Bool, into out: inout ByteBuffer) {
        if var frame = encode(event, includeUsage: includeUsage) { out.writeBuffer(&frame) }
    }
}

extension OpenAIChunkEncoder: IngressStreamEncoder {
    public func opening() -> ByteBuffer { roleChunk() }
}
