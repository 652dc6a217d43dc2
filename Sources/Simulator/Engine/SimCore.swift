import Foundation
import NIOCore
import NIOHTTP1

/// Decides every answer: routes a request, plans its latency, faults and body, and keeps the stats.
///
/// It does no I/O; `SimHandler` performs the `SimDelivery` it returns.
final class SimCore: Sendable {
    /// The profile being served.
    let profile: SimProfile
    /// Writes answer texts.
    let responder: SimResponder
    /// Shared counters and stats.
    let ledger = SimLedger()
    /// The last generation request, for `GET /sim/last-request`.
    let recorder = SimRecorder()
    /// Fault rates set at run time, over the profile's.
    let faultControl = SimFaultControl()
    private let modelsBody: String
    private let statsEncoder: JSONEncoder

    /// Prepares a core for `profile`; loads the script of a `script` responder.
    init(profile: SimProfile) throws {
        self.profile = profile
        responder = try SimResponder(profile: profile)
        modelsBody =
            "{\"object\":\"list\",\"data\":["
            + profile.modelNames.map {
                "{\"id\":\(JSONText.quoted($0)),\"object\":\"model\",\"created\":0,\"owned_by\":\"sim\"}"
            }.joined(separator: ",") + "]}"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        statsEncoder = encoder
    }

    /// Decides how to answer one fully read request.
    func handle(head: HTTPRequestHead, body: ByteBuffer?) -> SimExchange {
        switch SimRoute(method: head.method, uri: head.uri) {
        case .generate(let format, let pathModel, let pathStream):
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            recorder.record(head: head, body: bytes)
            return generate(head: head, body: bytes, format: format, pathModel: pathModel, pathStream: pathStream)
        case .embeddings(let format, let pathModel):
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            recorder.record(head: head, body: bytes)
            if let fault = embeddingFault(head: head, format: format) { return SimExchange(delivery: fault) }
            return SimExchange(delivery: .reply(Self.answer(EmbeddingsWire.reply(bytes, format: format, pathModel: pathModel)), atMs: 0))
        case .countTokens:
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            recorder.record(head: head, body: bytes)
            return SimExchange(delivery: .reply(Self.answer(CountTokensWire.reply(bytes)), atMs: 0))
        case .listModels:
            return SimExchange(delivery: .reply(Self.json(.ok, modelsBody), atMs: 0))
        case .health:
            return SimExchange(delivery: .reply(Self.json(.ok, "{\"status\":\"ok\"}"), atMs: 0))
        case .stats:
            let data = (try? statsEncoder.encode(ledger.snapshot())) ?? Data("{}".utf8)
            return SimExchange(delivery: .reply(Self.json(.ok, String(decoding: data, as: UTF8.self)), atMs: 0))
        case .lastRequest:
            return SimExchange(delivery: .reply(Self.json(.ok, recorder.lastRequestJSON), atMs: 0))
        case .setFaults:
            return setFaults(body: body)
        case .notFound(let format):
            let error = format.error(.notFound, message: "no route for \(head.method) \(head.uri)")
            return SimExchange(delivery: .reply(Self.json(error), atMs: 0))
        }
    }

    /// An embeddings request's `x-sim-fault` (with `x-sim-fault-times` / `x-sim-fault-key`
    /// as for generation): an error status (`429` with `retry-after`), a reset or a stall.
    /// Embeddings draw no random faults and are not counted as generation requests.
    func embeddingFault(head: HTTPRequestHead, format: WireFormat) -> SimDelivery? {
        let headers = SimRequestHeaders(headers: head.headers, uri: head.uri)
        guard headers.forcedFault != nil else { return nil }
        let use = headers.faultKey.map { ledger.faultKeyUsed($0) }
        guard let fault = headers.headerFault(faultKeyUse: use) else { return nil }
        ledger.faultInjected(fault)
        if let kind = WireErrorKind(fault: fault) {
            var extra: [(String, String)] = []
            if kind == .rateLimit { extra.append(("retry-after", String(profile.defaults.faults.retryAfterSeconds))) }
            return .reply(Self.json(format.error(kind, message: "simulated \(fault.rawValue) fault"), extraHeaders: extra), atMs: 0)
        }
        switch fault {
        case .stall: return .stall
        case .reset, .cut: return .reset
        case .rateLimit, .serverError, .overloaded: return nil
        }
    }

    /// The request is finished: answered, faulted, or its client went away (`clientClosed`).
    func finish(_ ticket: SimTicket, clientClosed: Bool) {
        ledger.requestFinished(ticket, clientClosed: clientClosed)
    }

    /// A JSON response with the given status.
    static func json(_ status: HTTPResponseStatus, _ body: String, extraHeaders: [(String, String)] = []) -> SimResponse {
        var headers = HTTPHeaders()
        headers.reserveCapacity(extraHeaders.count + 2)
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "content-length", value: String(body.utf8.count))
        headers.add(contentsOf: extraHeaders)
        return SimResponse(status: status, headers: headers, body: body)
    }

    /// A JSON answer or a wire error.
    static func answer(_ result: Result<String, WireError>) -> SimResponse {
        switch result {
        case .success(let body): json(.ok, body)
        case .failure(let error): json(error)
        }
    }

    /// A JSON response carrying a wire error.
    static func json(_ error: WireError, extraHeaders: [(String, String)] = []) -> SimResponse {
        json(HTTPResponseStatus(statusCode: error.status), error.body, extraHeaders: extraHeaders)
    }
}
