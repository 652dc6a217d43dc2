import Hummingbird
import NIOCore

/// A turn answered as server-sent events: `delta` per reply fragment as it is generated,
/// then `turn` with the whole result, then `done`. A turn refused after the head went out
/// (another turn won a race for the session) ends with `error` and `done`.
///
/// The turn runs to completion and is saved even when the client goes away mid-stream.
struct TurnStream: Sendable {
    let manager: SessionManager

    private enum Event: Sendable {
        case delta(String)
        case turn(TurnResponse)
        case failed(APIError)
    }

    func response(id: String, message: String) -> Response {
        let manager = self.manager
        let body = ResponseBody { writer in
            let (events, sink) = AsyncStream<Event>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        let (result, session) = try await manager.runTurnReturningSession(id: id, message: message) { text in
                            sink.yield(.delta(text))
                        }
                        sink.yield(.turn(TurnResponse(result: result, session: session)))
                    } catch {
                        sink.yield(.failed(APIError(error)))
                    }
                    sink.finish()
                }
                var clientGone = false
                for await event in events where !clientGone {
                    do {
                        try await writer.write(Self.frame(event))
                    } catch {
                        clientGone = true  // keep draining: the turn finishes and is saved
                    }
                }
                if !clientGone {
                    try await writer.write(ByteBuffer(string: "event: done\ndata: {}\n\n"))
                }
                try await group.waitForAll()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    private static func frame(_ event: Event) -> ByteBuffer {
        let (name, data): (String, String)
        switch event {
        case .delta(let text): (name, data) = ("delta", (try? APIJSON.line(DeltaEvent(text: text))) ?? "{}")
        case .turn(let response): (name, data) = ("turn", (try? APIJSON.line(response)) ?? "{}")
        case .failed(let error): (name, data) = ("error", (try? APIJSON.line(ErrorBody(error))) ?? "{}")
        }
        return ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n")
    }
}
