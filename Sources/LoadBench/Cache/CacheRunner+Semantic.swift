import BenchKit
import Foundation

extension CacheRunner {
    /// What the semantic part measured: a hit row per layout and level, the footprints.
    public struct SemanticOutcome: Sendable {
        public var tallies: [CachePhaseTally]
        public var footprint: [SemanticFootprint]
    }

    /// For each semantic layout: fill its gateway with new questions to each level, then time a
    /// paraphrase of a stored question (a semantic hit) in rounds, as the filled exact row.
    public func runSemantic(_ stack: CacheStack) async throws -> SemanticOutcome {
        var tallies: [CachePhaseTally] = []
        var footprint: [SemanticFootprint] = []
        for layout in CacheScenario.semanticLayouts where !options.semanticLevels.isEmpty {
            let server = try self.server(CacheScenario.semanticFill(layout), in: stack)
            guard let start = ProcessSample.read(pid: server.processID) else {
                throw BenchSetupError("cannot read /proc/\(server.processID) of the \(layout.server) gateway")
            }
            var sent = 0
            for level in options.semanticLevels {
                try await fillSemantic(layout, server: server, from: sent, to: level)
                sent = level
                guard let counters = await counters(server), let sample = ProcessSample.read(pid: server.processID) else {
                    throw BenchSetupError("cannot read the \(layout.server) gateway's /metrics or /proc/\(server.processID)")
                }
                let entries = Int(counters.semanticEntries)
                footprint.append(SemanticFootprint(
                    layout: layout.label, questions: level, semanticEntries: entries, rssBytes: sample.rssBytes,
                    rssBytesPerEntry: entries > 0 ? Double(sample.rssBytes - start.rssBytes) / Double(entries) : nil))
                var hit = CachePhaseTally(phase: CacheScenario.semanticHit(layout, entries: level))
                hit.skip(await warmUp(hit, server: server))
                for _ in 0..<options.rounds { await measure(&hit, server: server, for: options.slice) }
                tallies.append(hit)
            }
        }
        return SemanticOutcome(tallies: tallies, footprint: footprint)
    }

    /// Sends questions `first..<end` of `layout` from many connections.
    func fillSemantic(_ layout: CacheScenario.SemanticLayout, server: CacheStack.Server, from first: Int, to end: Int) async throws {
        let needed = end - first
        guard needed > 0 else { return }
        let phase = CacheScenario.semanticFill(layout)
        let requests = requests(phase, server: server)
        let progress = showProgress ? ProgressLine(label: "fill \(layout.label) to \(end)", total: needed) : nil
        let recorder = await LoadGenerator.closedLoop(
            concurrency: options.fillConcurrency, until: .now + .seconds(3600), maxRequests: needed, live: LiveCounters()
        ) { index in
            let outcome = await requests(first + index).execute(from: .now)
            progress?.advance()
            return outcome
        }
        progress?.finish()
        if recorder.successes < needed {
            FileHandle.standardError.write(Data("bench: the \(layout.label) fill to \(end) had \(needed - recorder.successes) failed requests\n".utf8))
        }
    }
}
