import NIOHTTP1

/// A complete HTTP answer: status, headers and body.
struct SimResponse: Sendable {
    /// HTTP status.
    var status: HTTPResponseStatus
    /// Response headers (content-type and the `x-sim-*` headers included).
    var headers: HTTPHeaders
    /// The body text.
    var body: String
}

/// How the channel handler must deliver an answer; pure data, decided by `SimCore`.
enum SimDelivery: Sendable {
    /// Send `response` whole, `atMs` after the request was read.
    case reply(SimResponse, atMs: Double)
    /// At `atMs`, send the head and the first `keepBytes` of the body, then close the connection.
    case truncatedReply(SimResponse, atMs: Double, keepBytes: Int)
    /// Send the head with the first event, then each event at its time; with `cutAfter`, close after that many.
    case stream(status: HTTPResponseStatus, headers: HTTPHeaders, events: [TimedText], cutAfter: Int?)
    /// Close the connection at once with an RST (SO_LINGER 0) and no response.
    case reset
    /// Never answer; wait for the client to close.
    case stall
}

/// A delivery plus the stats ticket to close when it ends (nil for requests that are not counted).
struct SimExchange: Sendable {
    /// What to send and when.
    var delivery: SimDelivery
    /// The in-flight generation request, if this is one.
    var ticket: SimTicket?
}

/// The simulator-specific request headers, read once per request.
struct SimRequestHeaders: Sendable, Equatable {
    /// `x-request-tag`.
    var tag: String?
    /// Any of `authorization`, `x-api-key`, `x-goog-api-key` or a `key=` query parameter.
    var hadCredentials = false
    /// `x-sim-fault`.
    var forcedFault: SimFault?
    /// `x-sim-fault-times`: inject the forced fault only for the first N requests with the same fault key.
    var faultTimes: Int?
    /// `x-sim-fault-key` (empty when `x-sim-fault-times` comes alone); nil without `x-sim-fault-times`.
    var faultKey: String?
    /// `x-sim-ttft-ms`: replaces the drawn TTFT.
    var ttftOverrideMs: Double?
    /// `x-sim-output-tokens`: forces the answer length.
    var outputTokens: Int?

    /// Reads the headers and the query string of `uri`.
    init(headers: HTTPHeaders, uri: String) {
        tag = headers.first(name: "x-request-tag")
        let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        let keyInQuery = query.split(separator: "&").contains { $0.hasPrefix("key=") && $0.count > 4 }
        hadCredentials =
            keyInQuery || ["authorization", "x-api-key", "x-goog-api-key"].contains { !(headers.first(name: $0) ?? "").isEmpty }
        forcedFault = headers.first(name: "x-sim-fault").flatMap(SimFault.init(header:))
        faultTimes = headers.first(name: "x-sim-fault-times").flatMap { Int($0) }
        faultKey = faultTimes == nil ? nil : headers.first(name: "x-sim-fault-key") ?? ""
        ttftOverrideMs = headers.first(name: "x-sim-ttft-ms").flatMap { Double($0) }.map { max(0, $0) }
        outputTokens = headers.first(name: "x-sim-output-tokens").flatMap { Int($0) }.map { max(0, $0) }
    }

    /// The header-forced fault for this request, given how often its fault key was used before.
    func headerFault(faultKeyUse: Int?) -> SimFault? {
        guard let forcedFault else { return nil }
        guard let faultTimes else { return forcedFault }
        return (faultKeyUse ?? 0) < faultTimes ? forcedFault : nil
    }
}
