/// How a `hedge` alias decides when to send its second request, and how much extra
/// traffic hedging may add.
public struct HedgeConfig: Sendable, Hashable {
    /// Which percentile of the primary's recent time to first token sets the delay (90 or 95 typically).
    public var percentile: Double
    /// The delay never goes below this, whatever the statistics say.
    public var floor: Duration
    /// ... nor above this.
    public var ceiling: Duration
    /// The delay while the primary has fewer than `minimumSamples` recent answers.
    public var initialDelay: Duration
    /// Recent answers needed before the percentile is trusted.
    public var minimumSamples: Int
    /// Hedges over requests, within `window`, never exceed this (0.1 = 10 % extra traffic).
    public var maxExtraRatio: Double
    /// The window over which the extra traffic is counted.
    public var window: Duration

    public init(
        percentile: Double = 95, floor: Duration = .milliseconds(20), ceiling: Duration = .seconds(2),
        initialDelay: Duration = .milliseconds(500), minimumSamples: Int = 20, maxExtraRatio: Double = 0.1,
        window: Duration = .seconds(60)
    ) {
        self.percentile = percentile
        self.floor = floor
        self.ceiling = ceiling
        self.initialDelay = initialDelay
        self.minimumSamples = minimumSamples
        self.maxExtraRatio = maxExtraRatio
        self.window = window
    }

    /// The hedge delay given the primary's percentile in milliseconds (nil: not enough data).
    public func delay(percentileMilliseconds: Double?) -> Duration {
        guard let milliseconds = percentileMilliseconds else { return clamp(initialDelay) }
        return clamp(.microseconds(Int64((milliseconds * 1_000).rounded())))
    }

    private func clamp(_ delay: Duration) -> Duration {
        min(max(delay, floor), ceiling)
    }
}
