/// The planned timeline of one answer, in milliseconds from the moment its request was fully read.
///
/// The first byte (response head, opening events and the first chunk) goes out at `ttft + prefill`;
/// chunk k goes out when its first token is decoded, `firstByte + k·tokensPerChunk·decode`; the
/// closing events go out at `serviceMs = ttft + prefill + outputTokens·decode`. A JSON answer is
/// sent whole at `serviceMs`.
struct LatencyPlan: Sendable, Equatable {
    /// Drawn (or forced) time to first token.
    var ttftMs: Double
    /// `prefill_ms_per_input_token` × input tokens.
    var prefillMs: Double
    /// `decode_ms_per_output_token`.
    var decodeMsPerToken: Double
    /// Tokens in the answer after padding and truncation.
    var outputTokens: Int
    /// Tokens grouped into one streamed chunk.
    var tokensPerChunk: Int
    /// The head and opening event go out at once instead of with the first token.
    var headFirst = false

    /// When a stream's head and opening event go out.
    var openingMs: Double { headFirst ? 0 : firstByteMs }

    /// A chunk is sent at most about this often.
    static let chunkIntervalMs = 5.0
    /// Tokens per chunk when decoding is free.
    static let tokensPerChunkWithoutDecode = 4

    /// How many tokens to group so that chunks are about `chunkIntervalMs` apart.
    static func tokensPerChunk(decodeMsPerToken: Double) -> Int {
        guard decodeMsPerToken > 0 else { return tokensPerChunkWithoutDecode }
        return max(1, Int((chunkIntervalMs / decodeMsPerToken).rounded(.up)))
    }

    /// When the response head and the first content go out.
    var firstByteMs: Double { ttftMs + prefillMs }

    /// The whole planned service time: ttft + prefill + decode of every output token.
    var serviceMs: Double { firstByteMs + decodeMsPerToken * Double(outputTokens) }

    /// When content chunk `index` goes out.
    func chunkOffsetMs(_ index: Int) -> Double {
        firstByteMs + decodeMsPerToken * Double(index * tokensPerChunk)
    }
}

extension LatencyPlan {
    /// Plans a request from its settings and draws; `ttftOverrideMs` (header `x-sim-ttft-ms`) replaces the draw.
    init(settings: SimSettings, draws: SimDraws, inputTokens: Int, outputTokens: Int, ttftOverrideMs: Double?) {
        self.init(
            ttftMs: ttftOverrideMs ?? settings.ttft.sample(normal: draws.ttftNormal),
            prefillMs: settings.prefillMsPerInputToken * Double(inputTokens),
            decodeMsPerToken: settings.decodeMsPerOutputToken,
            outputTokens: outputTokens,
            tokensPerChunk: Self.tokensPerChunk(decodeMsPerToken: settings.decodeMsPerOutputToken),
            headFirst: settings.headFirst
        )
    }
}
