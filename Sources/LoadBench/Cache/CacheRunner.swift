import AsyncHTTPClient
import BenchKit
import Foundation
import NIOCore

/// Runs the cache scenario against a started `CacheStack`: every phase warmed up, then the
/// phases in turn for several rounds (each slice bracketed by `/proc` and `/metrics`
/// readings of its server), then the fill with the footprint read at each level, then the
/// in-process hit again with the cache full.
public struct CacheRunner: Sendable {
    public var client: HTTPClient
    public var timeout: Duration
    public var options: CacheScenario.Options
    public var showProgress: Bool

    public init(client: HTTPClient, timeout: Duration, options: CacheScenario.Options, showProgress: Bool) {
        self.client = client
        self.timeout = timeout
        self.options = options
        self.showProgress = showProgress
    }

    /// What the run measured.
    public struct Outcome: Sendable {
        public var tallies: [CachePhaseTally]
        public var footprint: [CacheFootprint]
        /// The row measured with the cache full, when there was a fill.
        public var filledRow: String?
    }

    public func run(_ stack: CacheStack, phases: [CachePhase] = CacheScenario.phases) async throws -> Outcome {
        var tallies = phases.map { CachePhaseTally(phase: $0) }
        for index in tallies.indices {
            let server = try self.server(tallies[index].phase, in: stack)
            tallies[index].skip(await warmUp(tallies[index], server: server))
        }
        for round in 0..<options.rounds {
            let progress = showProgress ? ProgressLine(label: "round \(round + 1)/\(options.rounds)", total: tallies.count) : nil
            for index in tallies.indices {
                let server = try self.server(tallies[index].phase, in: stack)
                await measure(&tallies[index], server: server, for: options.slice)
                progress?.advance()
            }
            progress?.finish()
        }
        guard let memory = stack.servers["memory"], let largest = options.fillLevels.last else {
            return Outcome(tallies: tallies, footprint: [], filledRow: nil)
        }
        let footprint = try await fill(memory)
        var filled = CachePhaseTally(phase: CacheScenario.filledPhase(entries: largest))
        filled.skip(await warmUp(filled, server: memory))
        for _ in 0..<options.rounds { await measure(&filled, server: memory, for: options.slice) }
        tallies.append(filled)
        return Outcome(tallies: tallies, footprint: footprint, filledRow: filled.phase.name)
    }

    func server(_ phase: CachePhase, in stack: CacheStack) throws -> CacheStack.Server {
        guard let server = stack.servers[phase.server] else { throw BenchSetupError("no server '\(phase.server)' for phase \(phase.name)") }
        return server
    }

    /// Unmeasured requests (the first stores the repeated answer); returns how many indexes it used.
    func warmUp(_ tally: CachePhaseTally, server: CacheStack.Server) async -> Int {
        guard options.warmup > 0 else { return 0 }
        let live = LiveCounters()
        let phase = tally.phase
        let first = tally.nextIndex
        let requests = requests(phase, server: server)
        _ = await LoadGenerator.closedLoop(
            concurrency: options.concurrency, until: .now + .seconds(30), maxRequests: options.warmup, live: live
        ) { index in
            await requests(first + index).execute(from: .now)
        }
        return live.started.load(ordering: .relaxed)
    }

    /// One slice of a phase, bracketed by the server's CPU time and cache counters.
    func measure(_ tally: inout CachePhaseTally, server: CacheStack.Server, for duration: Duration) async {
        let live = LiveCounters()
        let phase = tally.phase
        let first = tally.nextIndex
        let requests = requests(phase, server: server)
        let countersBefore = server.isGateway ? await counters(server) : nil
        let before = ProcessSample.read(pid: server.processID)
        let start = ContinuousClock.now
        let recorder = await LoadGenerator.closedLoop(
            concurrency: options.concurrency, until: start + duration, maxRequests: nil, live: live
        ) { index in
            await requests(first + index).execute(from: .now)
        }
        let elapsed = ContinuousClock.now - start
        let after = ProcessSample.read(pid: server.processID)
        let countersAfter = server.isGateway ? await counters(server) : nil
        tally.add(
            recorder, requestsStarted: live.started.load(ordering: .relaxed), elapsed: elapsed, before: before, after: after,
            countersBefore: countersBefore, countersAfter: countersAfter)
    }

    /// Fills the memory gateway to each level with unique requests from many connections,
    /// reading its footprint at each.
    func fill(_ memory: CacheStack.Server) async throws -> [CacheFootprint] {
        guard let startCounters = await counters(memory), let startSample = ProcessSample.read(pid: memory.processID) else {
            throw BenchSetupError("cannot read the memory gateway's /metrics or /proc/\(memory.processID)")
        }
        let start = (entries: startCounters.memoryEntries, rssBytes: startSample.rssBytes)
        var entries = Int(startCounters.memoryEntries)
        var nextIndex = 0
        var levels: [CacheFootprint] = []
        let requests = requests(CacheScenario.fillPhase, server: memory)
        for level in options.fillLevels {
            let needed = level - entries
            if needed > 0 {
                let progress = showProgress ? ProgressLine(label: "fill to \(level) entries", total: needed) : nil
                let live = LiveCounters()
                let first = nextIndex
                let recorder = await LoadGenerator.closedLoop(
                    concurrency: options.fillConcurrency, until: .now + .seconds(3600), maxRequests: needed, live: live
                ) { index in
                    let outcome = await requests(first + index).execute(from: .now)
                    progress?.advance()
                    return outcome
                }
                progress?.finish()
                nextIndex += live.started.load(ordering: .relaxed)
                if recorder.successes < needed {
                    FileHandle.standardError.write(Data("bench: the fill to \(level) had \(needed - recorder.successes) failed requests \(recorder.failures)\n".utf8))
                }
            }
            guard let now = await counters(memory), let sample = ProcessSample.read(pid: memory.processID) else {
                throw BenchSetupError("cannot read the memory gateway's /metrics or /proc/\(memory.processID)")
            }
            entries = Int(now.memoryEntries)
            levels.append(CacheFootprint(counters: now, process: sample, start: start))
        }
        return levels
    }

    /// The executor of request `index` of `phase` (one shared executor when every body is the same).
    func requests(_ phase: CachePhase, server: CacheStack.Server) -> @Sendable (Int) -> RequestExecutor {
        let target = LoadTarget.openAICompatible(label: phase.name, baseURL: server.url, model: server.model)
        let (client, timeout) = (client, timeout)
        switch phase.bodies {
        case .repeated(let message):
            let executor = RequestExecutor(client: client, target: target, request: BenchRequest(mode: .json, message: message), timeout: timeout)
            return { _ in executor }
        case .unique, .questions, .paraphrases:
            return { index in
                let request = BenchRequest(mode: .json, message: phase.message(index), system: phase.system(index))
                return RequestExecutor(client: client, target: target, request: request, timeout: timeout)
            }
        }
    }

    /// The gateway's cache counters from `GET /metrics`; nil when it does not answer.
    func counters(_ server: CacheStack.Server) async -> GatewayCacheCounters? {
        guard let response = try? await client.execute(HTTPClientRequest(url: server.url + "/metrics"), timeout: .seconds(10)),
            let body = try? await response.body.collect(upTo: 16 << 20), response.status.code == 200
        else { return nil }
        return GatewayCacheCounters(prometheus: String(buffer: body))
    }
}
