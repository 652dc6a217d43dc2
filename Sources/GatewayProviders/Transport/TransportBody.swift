import NIOCore

/// A response body as an async sequence of buffers, type-erased so that any transport's
/// body type fits behind ``HTTPTransport``.
public struct TransportBody: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    private let makeNext: @Sendable () -> (() async throws -> ByteBuffer?)

    /// Wraps any sendable sequence of buffers.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == ByteBuffer {
        self.makeNext = {
            let box = IteratorBox(base.makeAsyncIterator())
            return { try await box.next() }
        }
    }

    /// A body made of fixed buffers (for tests and cached answers).
    public init(buffers: [ByteBuffer]) {
        self.init(FixedBuffers(buffers: buffers))
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(next: makeNext())
    }

    /// Iterates the body.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let next: () async throws -> ByteBuffer?

        public mutating func next() async throws -> ByteBuffer? {
            try await next()
        }
    }

    /// Reads the whole body; throws ``BodyTooLargeError`` past `maxBytes`.
    public func collect(upTo maxBytes: Int) async throws -> ByteBuffer {
        var result = ByteBuffer()
        for try await var chunk in self {
            guard result.readableBytes + chunk.readableBytes <= maxBytes else { throw BodyTooLargeError(limit: maxBytes) }
            result.writeBuffer(&chunk)
        }
        return result
    }
}

/// A body exceeded the size the reader accepts.
public struct BodyTooLargeError: Error, Sendable {
    public var limit: Int
}

private final class IteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable where Base.Element == ByteBuffer {
    // Only ever used by the one task iterating the body.
    private var base: Base

    init(_ base: Base) {
        self.base = base
    }

    func next() async throws -> ByteBuffer? {
        try await base.next()
    }
}

private struct FixedBuffers: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffers: [ByteBuffer]

    func makeAsyncIterator() -> Iterator {
        Iterator(buffers: buffers[...])
    }

    struct Iterator: AsyncIteratorProtocol {
        var buffers: ArraySlice<ByteBuffer>

        mutating func next() async throws -> ByteBuffer? {
            buffers.popFirst()
        }
    }
}
