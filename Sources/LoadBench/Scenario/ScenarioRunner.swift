import BenchKit

/// Runs a scenario's points one after another with one load generator, each after a short
/// unmeasured warm-up (opens the connections the point will use, on both sides of a gateway).
public struct ScenarioRunner: Sendable {
    public var generator: LoadGenerator
    /// Requests sent before each point and not measured (0 = none).
    public var warmupRequests: Int
    /// Draw a progress line per point on standard error.
    public var showProgress: Bool

    public init(generator: LoadGenerator, warmupRequests: Int = 200, showProgress: Bool = true) {
        self.generator = generator
        self.warmupRequests = warmupRequests
        self.showProgress = showProgress
    }

    public func run(_ runs: [BenchRun]) async -> [LoadResult] {
        var results: [LoadResult] = []
        for (index, run) in runs.enumerated() {
            if Task.isCancelled { break }
            if warmupRequests > 0 {
                let concurrency = run.load.concurrencyHint
                let warmup = LoadShape.closed(
                    concurrency: concurrency, duration: .seconds(5), maxRequests: max(warmupRequests, 2 * concurrency))
                _ = await generator.run(target: run.target, load: warmup, request: run.request)
            }
            let progress = showProgress ? ProgressLine(label: "[\(index + 1)/\(runs.count)] \(run.label)", total: 1) : nil
            results.append(await generator.run(target: run.target, load: run.load, request: run.request, progress: progress))
        }
        return results
    }
}
