/// Everything a wire encoder needs to write one answer, in any format.
struct WireReply: Sendable {
    /// The request number, unique per server (`chatcmpl-sim-N`, `msg_sim_N`, `sim-N`).
    var number: Int
    /// The model the request named.
    var model: String
    /// Unix seconds for OpenAI's `created`.
    var created: Int
    /// The answer text and its chunks.
    var answer: SimAnswer
    /// Input tokens by the simulator's rule.
    var inputTokens: Int
    /// OpenAI `stream_options.include_usage`.
    var includeUsage: Bool
    /// OpenAI `n`: how many choices carry the answer (each the same answer, index 0…n-1).
    var choices = 1
}

/// One piece of a streamed body and when (ms after the request was read) it goes out.
struct TimedText: Sendable, Equatable {
    /// Planned send time in milliseconds from the end of the request.
    var atMs: Double
    /// The bytes to send (one or more complete SSE events).
    var text: String
}

/// The error kinds every format can express.
enum WireErrorKind: Sendable {
    /// 429.
    case rateLimit
    /// 500.
    case server
    /// 529 (503 for Gemini).
    case overloaded
    /// 400: malformed or invalid body.
    case badRequest
    /// 404: unknown path.
    case notFound

    /// The error a fault kind answers with, if it answers with one.
    init?(fault: SimFault) {
        switch fault {
        case .rateLimit: self = .rateLimit
        case .serverError: self = .server
        case .overloaded: self = .overloaded
        case .reset, .cut, .stall: return nil
        }
    }
}

/// A complete error answer: status code and JSON body.
struct WireError: Sendable, Equatable {
    /// HTTP status.
    var status: Int
    /// JSON body in the format's error shape.
    var body: String
}

extension WireFormat {
    /// The full JSON body of a non-streamed answer.
    func body(_ reply: WireReply) -> String {
        switch self {
        case .openAI: OpenAIWire.body(reply)
        case .anthropic: AnthropicWire.body(reply)
        case .gemini: GeminiWire.body(reply)
        }
    }

    /// The timed SSE events of a streamed answer.
    func streamEvents(_ reply: WireReply, plan: LatencyPlan) -> [TimedText] {
        switch self {
        case .openAI: OpenAIWire.streamEvents(reply, plan: plan)
        case .anthropic: AnthropicWire.streamEvents(reply, plan: plan)
        case .gemini: GeminiWire.streamEvents(reply, plan: plan)
        }
    }

    /// An error answer in this format's shape.
    func error(_ kind: WireErrorKind, message: String) -> WireError {
        switch self {
        case .openAI: OpenAIWire.error(kind, message: message)
        case .anthropic: AnthropicWire.error(kind, message: message)
        case .gemini: GeminiWire.error(kind, message: message)
        }
    }
}
