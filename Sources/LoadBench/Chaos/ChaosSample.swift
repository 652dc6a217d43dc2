/// One request of the chaos run, as the accounting sees it: who sent it, when it was due
/// and when it ended (seconds from the run's start), how it failed and who answered it.
public struct ChaosSample: Sendable, Hashable {
    /// The kind of client that sent it.
    public enum Client: String, Sendable, Hashable, Codable {
        /// `POST /v1/chat/completions` on the gateway, one JSON answer.
        case chatJSON = "chat-json"
        /// The same, streamed (SSE); a 200 stream that ends without `[DONE]` or carries an error event fails.
        case chatStream = "chat-stream"
        /// `POST /v1/sessions` on the agent.
        case agentSession = "agent-session"
        /// `POST /v1/sessions/{id}/messages` on the agent.
        case agentTurn = "agent-turn"

        /// A normal client of the gateway (not of the agent).
        public var isChat: Bool { self == .chatJSON || self == .chatStream }
    }

    public var client: Client
    /// The due time of an open-loop request (latency counts from it).
    public var start: Double
    public var end: Double
    /// nil for a success; else a key such as `http_503`, `timeout`, `connection`, `stream_error`.
    public var failure: String?
    /// The gateway's `x-gateway-provider` on a chat answer.
    public var provider: String?

    public init(client: Client, start: Double, end: Double, failure: String? = nil, provider: String? = nil) {
        self.client = client
        self.start = start
        self.end = end
        self.failure = failure
        self.provider = provider
    }

    public var succeeded: Bool { failure == nil }
    public var latencyMs: Double { (end - start) * 1000 }
}
