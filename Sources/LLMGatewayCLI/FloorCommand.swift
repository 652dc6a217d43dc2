import ArgumentParser
import AsyncHTTPClient
import Hummingbird
import JSONCore
import Logging
import NIOCore

/// `llm-gateway floor`: a bare Hummingbird + AsyncHTTPClient forwarder, the yardstick of
/// `bench/hotpath.sh` (issue 12: "JSON throughput at least the bare forwarder's").
///
/// It does what any proxy must and nothing a gateway adds: read the client's body, check it
/// is JSON (the bounded parser the gateway uses), send it unchanged over one pooled client
/// to `--upstream`, and return the answer, streamed bodies passed through as they arrive.
/// No policy, no limits, no retries, no breaker, no cache, no translation: a measuring
/// instrument, not a server to deploy (hidden from `--help`).
struct FloorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "floor",
        abstract: "Benchmark yardstick: a bare forwarder to --upstream (no policy, limits or translation).",
        shouldDisplay: false)

    @Option(help: "Upstream base URL (e.g. the simulator's).")
    var upstream: String

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0: any free port).")
    var port = 0

    func run() async throws {
        let logger = makeLogger(label: "floor", level: .notice)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let target = upstream.hasSuffix("/") ? String(upstream.dropLast()) : upstream
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            let body = try await request.body.collect(upTo: JSONLimits.request.maxBytes)
            let parsed = body.withUnsafeReadableBytes { bytes in (try? JSONParser.parse(bytes, limits: .request)) != nil }
            guard parsed else {
                return Response(status: .badRequest, body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"error":"body is not JSON"}"#)))
            }
            var outbound = HTTPClientRequest(url: target + "/v1/chat/completions")
            outbound.method = .POST
            outbound.headers.add(name: "content-type", value: "application/json")
            for field in request.headers where field.name.rawName.hasPrefix("x-sim-") {
                outbound.headers.add(name: field.name.rawName, value: field.value)
            }
            outbound.body = .bytes(body)
            let answer = try await client.execute(outbound, timeout: .seconds(60))
            var headers = HTTPFields()
            headers[.contentType] = answer.headers.first(name: "content-type") ?? "application/json"
            let status = HTTPResponse.Status(code: Int(answer.status.code))
            return Response(status: status, headers: headers, body: ResponseBody(asyncSequence: answer.body))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "floor"),
            onServerRunning: { channel in
                logger.notice("floor listening", metadata: ["url": "http://\(host):\(channel.localAddress?.port ?? 0)"])
            },
            logger: logger)
        try await app.runService()
        try await client.shutdown()
    }
}
