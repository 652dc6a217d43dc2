import GatewayCore
import NIOCore

/// Writes one streamed answer in an ingress API's SSE shape: the opening frames, one
/// frame (or none) per canonical event, the closing frames, and an in-stream error.
public protocol IngressStreamEncoder: Sendable {
    mutating func opening() -> ByteBuffer
    mutating func encode(_ event: StreamEvent, includeUsage: Bool) -> ByteBuffer?
    mutating func done() -> ByteBuffer
    func errorEvent(message: String, type: String, code: String) -> ByteBuffer
}

extension OpenAIChunkEncoder: IngressStreamEncoder {
    public func opening() -> ByteBuffer { roleChunk() }
}
