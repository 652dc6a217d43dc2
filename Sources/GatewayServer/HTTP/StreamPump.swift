import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// What both stream responders (one upstream stream, and a fanned-out `n > 1` merge) do
/// around their readers: the deadline timer, the grace timer for a write blocked on a client
/// that does not read, the disconnect hook, the writer's batching loop and the closing frame.
enum StreamPump {
    /// `headers` with the event-stream content type and `cache-control: no-cache` every
    /// streamed answer (live, fanned out or replayed from the cache) carries.
    static func eventStreamHeaders(_ headers: HTTPFields) -> HTTPFields {
        var headers = headers
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return headers
    }

    /// The timers and the disconnect hook of one pump, all posting to its mailbox.
    struct Guards {
        let timer: Scheduled<Void>
        let blockedWrite: Scheduled<Void>
        let watch: ConnectionWatch?

        /// Arms them: at `deadline` the mailbox gets `deadlineSignal` (closing it); a write still
        /// blocked `SSEResponder.blockedWriteGrace` later closes the connection; a disconnect
        /// posts `clientGoneSignal`.
        init<Signal: Sendable>(
            mailbox: BatchMailbox<Signal>, deadline: ContinuousClock.Instant, eventLoop: any EventLoop,
            watch: ConnectionWatch?, closeConnection: @escaping @Sendable () -> Void,
            deadlineSignal: Signal, clientGoneSignal: Signal
        ) {
            timer = eventLoop.scheduleTask(deadline: NIODeadline(deadline)) {
                mailbox.post(deadlineSignal, closing: true)
            }
            // A write still blocked this long after the deadline never sees the signal.
            blockedWrite = eventLoop.scheduleTask(deadline: NIODeadline(deadline) + SSEResponder.blockedWriteGrace) {
                closeConnection()
            }
            self.watch = watch
            watch?.onClose {
                mailbox.post(clientGoneSignal, closing: true)
            }
        }

        func disarm() {
            watch?.clearHook()
            timer.cancel()
            blockedWrite.cancel()
        }
    }

    /// The writer's loop: every signal that arrived while the last write was in flight is
    /// framed into one buffer by `frame` (which returns an end to stop after the frames before
    /// it) and written at once. Ends with that end, with `clientGone` when the mailbox is done,
    /// or, when a write fails, with `slowClient` if a reader dropped the client for being too
    /// slow and `clientGone` otherwise.
    static func writeBatches<Signal: Sendable, End>(
        from mailbox: BatchMailbox<Signal>, cancelled: @autoclosure () -> Signal, writer: inout any ResponseBodyWriter,
        slowClient: SlowClientFlag, clientGone: End, slow: End, frame: (Signal, inout ByteBuffer?) -> End?
    ) async -> End {
        while true {
            let batch = await mailbox.take(onCancel: cancelled())
            guard !batch.isEmpty else { return clientGone }
            var frames: ByteBuffer?
            var ended: End?
            for signal in batch {
                ended = frame(signal, &frames)
                if ended != nil { break }
            }
            if let frames {
                do {
                    try await writer.write(frames)
                } catch {
                    return slowClient.dropped.load(ordering: .acquiring) ? slow : clientGone
                }
            }
            if let ended { return ended }
        }
    }

    /// How a stream that did not lose its client ends on the wire.
    enum Closing {
        case done
        case upstreamFailed(UpstreamError)
        case deadline
    }

    /// The closing frame in the ingress API's shape: `[DONE]` (or its API's equivalent), or an
    /// in-stream error event.
    static func closingFrame(_ closing: Closing, encoder: inout any IngressStreamEncoder) -> ByteBuffer {
        switch closing {
        case .done:
            encoder.done()
        case .upstreamFailed(let error):
            encoder.errorEvent(message: error.message, type: "upstream_error", code: error.kind)
        case .deadline:
            encoder.errorEvent(message: "no answer within the request deadline", type: "timeout_error", code: "deadline_exceeded")
        }
    }
}

/// Set by a reader when it dropped the client for being too slow, read by the writer whose
/// write then failed.
final class SlowClientFlag: Sendable {
    let dropped = Atomic<Bool>(false)
}
