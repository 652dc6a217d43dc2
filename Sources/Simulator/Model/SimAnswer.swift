/// The text of one answer after length forcing and `max_tokens`, pre-cut into streaming chunks.
struct SimAnswer: Sendable, Equatable {
    /// The full answer text (what the JSON form carries and the chunks concatenate to).
    var text: String
    /// The text of each streamed chunk, in order.
    var chunks: [String]
    /// Output tokens, as counted by `SimTokenizer`.
    var outputTokens: Int
    /// Whether `max_tokens` cut the answer (finish reason "length" and friends).
    var truncated: Bool
    /// The stop sequence the answer ended at, when one did.
    var stopSequence: String?
    /// The tool call the answer makes instead of text.
    var toolCall: SimToolCall?

    /// A tool call: no text; its output tokens are its arguments'.
    init(toolCall: SimToolCall) {
        self.toolCall = toolCall
        text = ""
        chunks = []
        outputTokens = max(1, SimTokenizer.tokens(toolCall.arguments).count)
        truncated = false
    }

    /// Shapes `raw`: ends it before its first stop sequence; else pads with filler or trims
    /// to `forcedTokens` when given; then truncates to `maxTokens`.
    init(raw: String, forcedTokens: Int?, maxTokens: Int?, tokensPerChunk: Int, stop: [String] = []) {
        var raw = raw
        var forcedTokens = forcedTokens
        let firstStop = stop.filter { !$0.isEmpty }.compactMap { sequence in raw.range(of: sequence).map { ($0, sequence) } }
            .min { $0.0.lowerBound < $1.0.lowerBound }
        if let (range, sequence) = firstStop {
            raw = String(raw[..<range.lowerBound])
            stopSequence = sequence
            forcedTokens = nil
        }
        var tokens = SimTokenizer.tokens(raw)
        if let forcedTokens {
            if tokens.count > forcedTokens {
                tokens.removeLast(tokens.count - forcedTokens)
            }
            var fillerIndex = 0
            while tokens.count < forcedTokens {
                let word = SimTokenizer.filler[fillerIndex % SimTokenizer.filler.count]
                tokens.append(Substring(tokens.isEmpty ? word : " " + word))
                fillerIndex += 1
            }
        }
        truncated = false
        if let maxTokens, tokens.count > maxTokens {
            tokens.removeLast(tokens.count - max(0, maxTokens))
            truncated = true
        }
        outputTokens = tokens.count
        let group = max(1, tokensPerChunk)
        chunks = stride(from: 0, to: tokens.count, by: group).map { start in
            tokens[start..<min(start + group, tokens.count)].joined()
        }
        text = chunks.joined()
    }
}
