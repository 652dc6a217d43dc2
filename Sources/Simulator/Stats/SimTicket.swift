/// What the server remembers about an in-flight generation request until it finishes.
struct SimTicket: Sendable {
    /// The per-server request number.
    var number: Int
    /// The request path (without the query string).
    var path: String
    /// The model the request named.
    var model: String
    /// `x-request-tag`, if any.
    var tag: String?
    /// Whether the client asked for a stream.
    var stream: Bool
    /// Whether any credential was sent.
    var hadCredentials: Bool
    /// The injected fault, if any.
    var fault: SimFault?
    /// The body was refused with a 400.
    var rejected = false
    /// Planned service time in ms.
    var serviceMs = 0.0
    /// The HTTP version the request came over (`1.1`, or `2` through TLS ALPN).
    var httpVersion = "1.1"

    /// The record of this request once it ended; `clientClosed` means the client went away first.
    func record(clientClosed: Bool) -> SimRequestRecord {
        SimRequestRecord(
            id: "sim-\(number)", path: path, model: model, tag: tag, stream: stream,
            hadCredentials: hadCredentials, outcome: outcome(clientClosed: clientClosed), serviceMs: serviceMs,
            httpVersion: httpVersion)
    }

    /// `fault:<kind>` for a fault (a stall only ever ends by the client closing), `cancelled`, `rejected` or `completed`.
    func outcome(clientClosed: Bool) -> String {
        if let fault { return fault.outcome }
        if clientClosed { return "cancelled" }
        return rejected ? "rejected" : "completed"
    }
}
