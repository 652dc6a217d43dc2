import NIOCore
import NIOPosix
import Locking

/// Clients that misbehave beside the normal ones, on raw TCP to the gateway: SSE clients
/// that never read, heads trickled a byte at a time, garbage bytes, and deeply nested JSON.
/// What matters is that the normal clients do not notice; what the hostile ones got is
/// counted (`nested_http_400`, `trickle_closed`, …) for the report.
public struct HostileClients: Sendable {
    public let port: Int
    public var slowReaders = 16
    public var tricklers = 16
    /// Garbage and nested-JSON requests each, per second.
    public var badRequestsPerSecond = 5.0

    public init(port: Int) {
        self.port = port
    }

    /// Runs every kind of hostile client for `duration`; returns what each saw.
    public func run(for duration: Duration) async -> [String: Int] {
        let counts = Counts()
        let until = ContinuousClock.now + duration
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<slowReaders {
                group.addTask { await slowReader(until: until, counts: counts) }
            }
            for _ in 0..<tricklers {
                group.addTask { await trickler(until: until, counts: counts) }
            }
            group.addTask { await badRequests(until: until, counts: counts) }
        }
        return counts.snapshot()
    }

    /// A streamed request whose answer is not read until the window ends.
    func slowReader(until: ContinuousClock.Instant, counts: Counts) async {
        let body = BenchRequest(mode: .stream, message: "slow reader", maxTokens: 4000).body(model: ChaosConfigs.chatAliases[0])
        let request = Self.post(body)
        let outcome = await Self.exchange(port: port, pieces: [Array(request.utf8)], gap: .zero, readAfter: until, until: until + .seconds(5))
        counts.add(outcome.status.map { "slow_reader_http_\($0)" } ?? (outcome.closed ? "slow_reader_closed" : "slow_reader_held"))
    }

    /// A request head sent one byte every 200 ms, never finished.
    func trickler(until: ContinuousClock.Instant, counts: Counts) async {
        let head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: " + String(repeating: "a", count: 400)
        let outcome = await Self.exchange(
            port: port, pieces: head.utf8.map { [$0] }, gap: .milliseconds(200), readAfter: .now, until: until)
        counts.add(outcome.status.map { "trickle_http_\($0)" } ?? (outcome.closed ? "trickle_closed" : "trickle_held"))
    }

    /// Garbage bytes and nested JSON, alternately, at `badRequestsPerSecond` each.
    func badRequests(until: ContinuousClock.Instant, counts: Counts) async {
        let interval = Duration.milliseconds(Int64(1000 / max(badRequestsPerSecond, 0.1)))
        var index = 0
        var random = SystemRandomNumberGenerator()
        while ContinuousClock.now < until {
            let next = ContinuousClock.now + interval
            let garbage = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &random) } + Array("\r\n\r\n".utf8)
            let nested = [
                String(repeating: "[", count: 513),
                #"{"model":"chat-ab","messages":"# + String(repeating: "[", count: 5000),
                #"{"model":"chat-ab","messages":[{"role":"user","content":"# + String(repeating: #"{"a":"#, count: 2000) + "1"
                    + String(repeating: "}", count: 2000) + "}]}",
            ][index % 3]
            async let rubbish = Self.exchange(port: port, pieces: [garbage], gap: .zero, readAfter: .now, until: .now + .seconds(5))
            async let deep = Self.exchange(
                port: port, pieces: [Array(Self.post(nested).utf8)], gap: .zero, readAfter: .now, until: .now + .seconds(5))
            let (garbageOutcome, nestedOutcome) = await (rubbish, deep)
            counts.add(garbageOutcome.status.map { "garbage_http_\($0)" } ?? (garbageOutcome.closed ? "garbage_closed" : "garbage_no_answer"))
            counts.add(nestedOutcome.status.map { "nested_http_\($0)" } ?? (nestedOutcome.closed ? "nested_closed" : "nested_no_answer"))
            index += 1
            if ContinuousClock.now < next { try? await Task.sleep(until: next, clock: .continuous) }
        }
    }

    static func post(_ body: String) -> String {
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
    }

    /// Connects, sends `pieces` `gap` apart (stopping when the server closes), reads nothing
    /// before `readAfter` (the channel's inbound buffer fills and TCP pushes back), then reads
    /// until a response line, the server's close, or `until`. The status of the first
    /// response line, if any, and whether the server closed the connection first.
    static func exchange(
        port: Int, pieces: [[UInt8]], gap: Duration, readAfter: ContinuousClock.Instant, until: ContinuousClock.Instant
    ) async -> (status: Int?, closed: Bool) {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.so_rcvbuf), value: 8 * 1024)
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
        } catch {
            return (nil, true)
        }
        // The deadline closes the channel, which ends a read still waiting.
        let raw = channel.channel
        let timer = Task {
            try? await Task.sleep(until: until, clock: .continuous)
            try? await raw.close()
        }
        defer { timer.cancel() }
        let outcome = try? await channel.executeThenClose { inbound, outbound -> (status: Int?, closed: Bool) in
            for (index, piece) in pieces.enumerated() {
                if index > 0, gap > .zero { try? await Task.sleep(for: gap) }
                guard ContinuousClock.now < until, (try? await outbound.write(ByteBuffer(bytes: piece))) != nil else { break }
            }
            if ContinuousClock.now < readAfter { try? await Task.sleep(until: readAfter, clock: .continuous) }
            var head: [UInt8] = []
            do {
                for try await buffer in inbound {
                    head += buffer.readableBytesView.prefix(64)
                    if let status = Self.status(head) { return (status, false) }
                }
            } catch {
                return (Self.status(head), ContinuousClock.now < until)
            }
            return (Self.status(head), ContinuousClock.now < until)
        }
        return outcome ?? (nil, true)
    }

    /// The status code of `HTTP/1.1 NNN …` once the first line has arrived.
    static func status(_ head: [UInt8]) -> Int? {
        let text = String(decoding: head.prefix(64), as: UTF8.self)
        guard text.hasPrefix("HTTP/"), let space = text.firstIndex(of: " "), text.count >= 12 else { return nil }
        return Int(text[text.index(after: space)...].prefix(3))
    }
}

/// Outcome counts shared by the hostile tasks.
final class Counts: Sendable {
    private let state = Locked([String: Int]())
    func add(_ key: String) { state.withLock { $0[key, default: 0] += 1 } }
    func snapshot() -> [String: Int] { state.withLock { $0 } }
}
