import BenchKit
import Foundation

/// Runs a scenario's points one after another with one load generator. Before each point,
/// a short unmeasured warm-up opens the connections the point will use; after it, the
/// runner waits until the target answers probes at its idle latency again (`Settling`).
public struct ScenarioRunner: Sendable {
    public var generator: LoadGenerator
    /// Requests sent before each point and not measured (0 = none).
    public var warmupRequests: Int
    /// How to wait for a target to catch up after each point; nil = do not wait.
    public var settling: Settling?
    /// Draw a progress line per point on standard error.
    public var showProgress: Bool

    public init(generator: LoadGenerator, warmupRequests: Int = 200, settling: Settling? = Settling(), showProgress: Bool = true) {
        self.generator = generator
        self.warmupRequests = warmupRequests
        self.settling = settling
        self.showProgress = showProgress
    }

    public func run(_ runs: [BenchRun]) async -> [LoadResult] {
        var idle: [String: Double] = [:]
        if let settling {
            for run in runs where idle[Self.key(run)] == nil {
                let probe = await generator.run(target: run.target, load: settling.check, request: run.request)
                idle[Self.key(run)] = settling.idleLatency(probe) ?? .nan
            }
        }
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
            if let settling, let idleMs = idle[Self.key(run)], !idleMs.isNaN {
                await settle(run, idleMs: idleMs, settling: settling)
            }
        }
        return results
    }

    /// Probes until the target is quiet or the limit passes.
    func settle(_ run: BenchRun, idleMs: Double, settling: Settling) async {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < settling.limit, !Task.isCancelled {
            let probe = await generator.run(target: run.target, load: settling.check, request: run.request)
            if settling.isQuiet(probe, idleMs: idleMs) {
                let waited = ContinuousClock.now - start
                if waited > .seconds(1) { Self.note("\(run.target.label) caught up after \(Int(waited.seconds.rounded())) s") }
                return
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
        Self.note("\(run.target.label) still slow \(Int(settling.limit.seconds)) s after '\(run.label)'; the next points may be affected")
    }

    static func key(_ run: BenchRun) -> String {
        run.target.label + "|" + run.request.mode.rawValue
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\nbench: \(text)\n".utf8))
    }
}
