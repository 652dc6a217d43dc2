import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one prepared request and turns what happens into a `RequestOutcome`. The request
/// (URL, headers and the body's `ByteBuffer`) is built once per run and copied per request,
/// which shares its storage; nothing is logged.
struct RequestExecutor: Sendable {
    let client: HTTPClient
    let request: HTTPClientRequest
    let stream: Bool
    let timeout: TimeAmount

    init(client: HTTPClient, target: LoadTarget, request: BenchRequest, timeout: Duration) {
        self.client = client
        var prepared = HTTPClientRequest(url: target.url)
        prepared.method = .POST
        prepared.headers.add(name: "content-type", value: "application/json")
        if request.mode == .stream { prepared.headers.add(name: "accept", value: "text/event-stream") }
        for header in target.headers { prepared.headers.add(name: header.name, value: header.value) }
        prepared.body = .bytes(ByteBuffer(string: request.body(model: target.model)))
        self.request = prepared
        stream = request.mode == .stream
        self.timeout = .nanoseconds(Int64(timeout.seconds * 1e9))
    }

    /// Runs the request; latency and TTFT are measured from `reference`.
    func execute(from reference: ContinuousClock.Instant) async -> RequestOutcome {
        do {
            let response = try await client.execute(request, timeout: timeout)
            let attempts = response.headers.first(name: "x-gateway-attempts").flatMap { Int($0) }
            var detector = FirstContentDetector()
            var ttft: Duration?
            for try await chunk in response.body where stream && ttft == nil {
                let seen = chunk.withUnsafeReadableBytes { detector.feed($0) }
                if seen { ttft = ContinuousClock.now - reference }
            }
            let latency = ContinuousClock.now - reference
            guard (200..<300).contains(response.status.code) else { return .failure(.status(Int(response.status.code))) }
            if stream, ttft == nil { return .failure(.emptyStream) }
            return .success(latency: latency, ttft: ttft, upstreamAttempts: attempts)
        } catch {
            return .failure(Self.kind(of: error))
        }
    }

    static func kind(of error: any Error) -> FailureKind {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout, .writeTimeout:
                return .timeout
            case .remoteConnectionClosed, .cancelled:
                return .connection
            default:
                return .other
            }
        }
        if error is IOError || error is ChannelError || error is NIOConnectionError { return .connection }
        return .other
    }
}
