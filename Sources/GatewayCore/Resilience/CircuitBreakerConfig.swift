/// When a breaker opens and how it recovers.
public struct CircuitBreakerConfig: Sendable, Hashable {
    /// Length of the sliding window over which the error rate is measured.
    public var window: Duration
    /// Fewest outcomes in the window before the error rate can open the breaker.
    public var minimumRequests: Int
    /// Error rate in [0, 1] at or above which the breaker opens.
    public var failureRateThreshold: Double
    /// How long an open breaker rejects before letting probes through.
    public var openDuration: Duration
    /// Probes allowed at once while half-open.
    public var halfOpenProbes: Int
    /// Successful probes needed to close again.
    public var successesToClose: Int
    /// This many failures in a row open the breaker whatever the window holds (0: off). A
    /// provider that turns bad after a long healthy run is caught after this many visible
    /// failures, where the rate alone would wait for the window's successes to be
    /// outweighed (a stream cut after its first token cannot fall back, issue 8's soak).
    public var consecutiveFailures: Int

    public init(
        window: Duration = .seconds(30),
        minimumRequests: Int = 10,
        failureRateThreshold: Double = 0.5,
        openDuration: Duration = .seconds(10),
        halfOpenProbes: Int = 1,
        successesToClose: Int = 2,
        consecutiveFailures: Int = 5
    ) {
        self.window = window
        self.minimumRequests = minimumRequests
        self.failureRateThreshold = failureRateThreshold
        self.openDuration = openDuration
        self.halfOpenProbes = halfOpenProbes
        self.successesToClose = successesToClose
        self.consecutiveFailures = consecutiveFailures
    }
}
