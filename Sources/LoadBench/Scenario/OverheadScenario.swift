/// The overhead scenario: the same requests sent straight to the simulator (`direct`) and
/// through each gateway, at each open-loop rate and closed-loop concurrency, JSON and
/// streamed. Overhead is then gateway − direct per percentile (see `BenchReport`).
public enum OverheadScenario {
    /// The scenario's name in reports.
    public static let name = "overhead"
    /// The baseline target's label.
    public static let baseline = "direct"

    /// What to measure.
    public struct Options: Sendable, Hashable {
        public var rates: [Double]
        public var concurrencies: [Int]
        public var modes: [BenchRequest.Mode]
        public var duration: Duration
        public var maxRequests: Int?

        public init(
            rates: [Double] = [100, 500, 1000], concurrencies: [Int] = [1, 10, 100],
            modes: [BenchRequest.Mode] = [.json, .stream], duration: Duration = .seconds(10), maxRequests: Int? = nil
        ) {
            self.rates = rates
            self.concurrencies = concurrencies
            self.modes = modes
            self.duration = duration
            self.maxRequests = maxRequests
        }

        /// A few seconds in all: one rate, one concurrency, both modes, half a second a point.
        public static let quick = Options(rates: [200], concurrencies: [4], duration: .milliseconds(500))

        /// Every load of the scenario, open loops first.
        public var loads: [LoadShape] {
            rates.map { LoadShape.open(rate: $0, duration: duration, maxRequests: maxRequests) }
                + concurrencies.map { LoadShape.closed(concurrency: $0, duration: duration, maxRequests: maxRequests) }
        }
    }

    /// Mode by mode, load by load, every target in turn at each point, so the targets
    /// being compared meet the machine in the same state.
    public static func runs(targets: [LoadTarget], options: Options) -> [BenchRun] {
        var runs: [BenchRun] = []
        for mode in options.modes {
            for load in options.loads {
                for target in targets {
                    runs.append(BenchRun(target: target, request: BenchRequest(mode: mode), load: load))
                }
            }
        }
        return runs
    }
}
