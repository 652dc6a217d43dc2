import Foundation

/// Log-normal time-to-first-token, given by its median and 95th percentile in milliseconds.
struct SimTTFT: Sendable, Equatable {
    /// The median TTFT; 0 means no delay at all.
    var medianMs: Double
    /// The 95th percentile; never below the median.
    var p95Ms: Double

    /// z-score of the 95th percentile of the standard normal.
    static let z95 = 1.6448536

    /// Maps a standard-normal draw to a TTFT: exp(mu + sigma·z), mu = ln median, sigma = ln(p95/median)/z95.
    func sample(normal: Double) -> Double {
        guard medianMs > 0 else { return 0 }
        let mu = log(medianMs)
        let sigma = p95Ms > medianMs ? (log(p95Ms) - mu) / Self.z95 : 0
        return min(exp(mu + sigma * normal), 60_000)
    }
}

/// The effective latency and fault settings for one (model, tag) pair.
struct SimSettings: Sendable, Equatable {
    /// TTFT distribution.
    var ttft = SimTTFT(medianMs: 0, p95Ms: 0)
    /// Extra delay before the first token, per input token.
    var prefillMsPerInputToken = 0.0
    /// Delay per output token once decoding starts.
    var decodeMsPerOutputToken = 0.0
    /// Fault probabilities.
    var faults = SimFaultRates()
    /// Streams send the response head and the opening event (role chunk, `message_start`)
    /// at once, before the first token, as Anthropic's API does; otherwise with it.
    var headFirst = false

    /// Applies the fields an override sets, keeping the rest.
    func merged(with override: SimOverride?) -> SimSettings {
        guard let override else { return self }
        var result = self
        if let value = override.ttftMedianMs { result.ttft.medianMs = value }
        if let value = override.ttftP95Ms { result.ttft.p95Ms = value }
        if let value = override.prefillMsPerInputToken { result.prefillMsPerInputToken = value }
        if let value = override.decodeMsPerOutputToken { result.decodeMsPerOutputToken = value }
        for (fault, rate) in override.faultRates { result.faults.rates[fault] = rate }
        if let value = override.retryAfterSeconds { result.faults.retryAfterSeconds = value }
        if let value = override.headFirst { result.headFirst = value }
        return result
    }
}

/// A partial set of settings from the profile's `defaults`, `tags.X` or `models.X`; nil leaves a field as is.
struct SimOverride: Sendable, Equatable {
    /// `ttft_ms.median`.
    var ttftMedianMs: Double?
    /// `ttft_ms.p95`.
    var ttftP95Ms: Double?
    /// `prefill_ms_per_input_token`.
    var prefillMsPerInputToken: Double?
    /// `decode_ms_per_output_token`.
    var decodeMsPerOutputToken: Double?
    /// `faults.<kind>`.
    var faultRates: [SimFault: Double] = [:]
    /// `faults.retry_after_s`.
    var retryAfterSeconds: Int?
    /// `head_first`.
    var headFirst: Bool?
}
