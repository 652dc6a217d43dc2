import GatewayCore
import NIOCore

/// Turns one vendor's server-sent events into canonical events.
public protocol StreamEventDecoder: Sendable {
    /// Decodes one SSE event; throws ``UpstreamError/malformedResponse(_:)`` or the
    /// vendor's in-stream error as an ``UpstreamError``.
    mutating func decode(_ event: SSEEvent) throws -> [StreamEvent]
    /// True once the vendor's terminal event has been seen.
    var isComplete: Bool { get }
}

/// The events of a streamed answer, read lazily from the upstream body by the task that
/// iterates it. A body that ends before the vendor's terminal event throws
/// ``UpstreamError/streamInterrupted(_:)``, never a silent truncation.
public struct UpstreamEventStream: AsyncSequence, Sendable {
    public typealias Element = StreamEvent

    private let body: TransportBody
    private let decoder: any StreamEventDecoder
    /// From the simulator's `x-sim-service-ms` header, when present.
    public let serviceTime: Duration?
    /// Applied to every error the stream throws: in-stream error events carry upstream
    /// text, which may echo the key (issue 8, finding 5).
    private let sanitize: @Sendable (any Error) -> any Error

    public init(
        body: TransportBody, decoder: any StreamEventDecoder, serviceTime: Duration?,
        sanitize: @escaping @Sendable (any Error) -> any Error = { $0 }
    ) {
        self.body = body
        self.decoder = decoder
        self.serviceTime = serviceTime
        self.sanitize = sanitize
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(body: body.makeAsyncIterator(), decoder: decoder, sanitize: sanitize)
    }

    /// Pulls body chunks, parses SSE, decodes events, and hands them out one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var body: TransportBody.AsyncIterator
        var decoder: any StreamEventDecoder
        var parser = SSEParser()
        var pending: [StreamEvent] = []
        var pendingIndex = 0
        var finished = false
        let sanitize: @Sendable (any Error) -> any Error

        init(body: TransportBody.AsyncIterator, decoder: any StreamEventDecoder, sanitize: @escaping @Sendable (any Error) -> any Error) {
            self.body = body
            self.decoder = decoder
            self.sanitize = sanitize
        }

        public mutating func next() async throws -> StreamEvent? {
            do {
                while pendingIndex == pending.count {
                    guard try await refill() else { return nil }
                }
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            } catch {
                throw sanitize(error)
            }
        }

        /// Every event not handed out yet, at least one: those left from the last upstream read,
        /// or all those of the next read that completes an event. Nil once the stream ended.
        /// A relay takes a read's events at once, so it posts, encodes and writes them once.
        public mutating func nextBatch() async throws -> [StreamEvent]? {
            do {
                while pendingIndex == pending.count {
                    guard try await refill() else { return nil }
                }
                let batch = pendingIndex == 0 ? pending : Array(pending[pendingIndex...])
                pending.removeAll(keepingCapacity: true)
                pendingIndex = 0
                return batch
            } catch {
                throw sanitize(error)
            }
        }

        /// Reads one upstream buffer and decodes the events it completes into `pending` (none
        /// when it ends mid-event); false once the stream ended.
        private mutating func refill() async throws -> Bool {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if finished { return false }
            let chunk: ByteBuffer?
            do {
                chunk = try await body.next()
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                finished = true
                throw UpstreamError.streamInterrupted(String(describing: error))
            }
            guard let chunk else {
                finished = true
                if !decoder.isComplete {
                    throw UpstreamError.streamInterrupted("the stream ended before its terminal event")
                }
                return false
            }
            let events = chunk.withUnsafeReadableBytes { parser.feed($0) }
            for event in events {
                pending.append(contentsOf: try decoder.decode(event))
            }
            return true
        }
    }
}

extension HTTPHeadersServiceTime {
    /// Reads the simulator's `x-sim-service-ms` header.
    static func serviceTime(_ value: String?) -> Duration? {
        guard let value, let ms = Double(value) else { return nil }
        return .nanoseconds(Int64(ms * 1_000_000))
    }
}

/// Namespace for parsing the upstream service-time header.
enum HTTPHeadersServiceTime {}
