/// What each request of a run asks for. The body is rendered once per run, never per request.
public struct BenchRequest: Sendable, Hashable, Codable {
    /// How the answer comes back.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// One JSON body.
        case json
        /// Server-sent events (`"stream": true`); TTFT is measured.
        case stream
    }

    public var mode: Mode
    /// The user message (the simulator's echo responder answers with it).
    public var message: String
    /// `max_tokens`, when set.
    public var maxTokens: Int?
    /// A system message before the user message, when set (the cache bench spreads its semantic
    /// entries over buckets with it: a bucket is everything but the last user message).
    public var system: String?

    public init(mode: Mode, message: String = "Hello from the load bench, how are you today?", maxTokens: Int? = nil, system: String? = nil) {
        self.mode = mode
        self.message = message
        self.maxTokens = maxTokens
        self.system = system
    }

    /// The OpenAI chat-completions body for `model`.
    public func body(model: String) -> String {
        var out = #"{"model":"# + Self.quoted(model) + #","messages":["#
        if let system { out += #"{"role":"system","content":"# + Self.quoted(system) + "}," }
        out += #"{"role":"user","content":"#
        out += Self.quoted(message) + "}]"
        if let maxTokens { out += #","max_tokens":\#(maxTokens)"# }
        out += mode == .stream ? #","stream":true}"# : #","stream":false}"#
        return out
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
