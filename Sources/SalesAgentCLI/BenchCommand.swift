import ArgumentParser
import AsyncHTTPClient
import BenchKit
import Foundation
import SalesAgent
import SalesCore

/// `sales-agent bench`: replays golden conversations concurrently through agent → gateway
/// → simulator (seed profile, capture/detect scripted from the gold labels) for several
/// pipeline configurations in one run, and reports them side by side.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmark pipeline configurations end to end (agent → gateway → simulator).")

    @Option(name: .customLong("golden"), help: "Golden files whose conversations are replayed (repeatable).")
    var goldenFiles: [String] = ["golden/dev.jsonl", "golden/test.jsonl"]

    @Option(help: "Conversations replayed per configuration (0 = all).")
    var conversations = 0

    @Option(help: "Conversations replayed at once.")
    var concurrency = 8

    @Option(help: "Configurations, comma-separated, or `all`: \(BenchConfiguration.all.map(\.name).joined(separator: ", ")).")
    var configs = BenchConfiguration.baseline.joined(separator: ",")

    @Option(help: "Simulator profile the scripted answers are timed by: seed, seed-heavy (heavy tails, 1 % stalls) or a file.")
    var simProfile = "seed"

    @Option(help: "Gateway policy with the aliases the configurations call.")
    var policy = "policies/gateway-bench.yaml"

    @Option(help: "Seed of the variant pass (retyped and paraphrased copies of the golden messages).")
    var variantSeed: UInt64 = 7

    @Flag(inversion: .prefixedNo, help: "Replay every conversation a second time as variants (exact repeat, retype, paraphrase); on by default when a cached configuration runs.")
    var variants: Bool?

    @Option(help: "Write the variant pass (JSONL: id, kind, rules, original and variant message) to this file.")
    var variantsOut = "bench-results/agent-bench-variants.jsonl"

    @Option(help: "JSON results file.")
    var out = "bench-results/agent-bench.json"

    @Option(help: "SVG chart file.")
    var svg = "bench-results/agent-bench.svg"

    func run() async throws {
        let names = configs == "all" ? BenchConfiguration.all.map(\.name) : configs.split(separator: ",").map(String.init)
        let chosen = try names.map { name in
            guard let config = BenchConfiguration.all.first(where: { $0.name == name }) else {
                throw ValidationError("unknown configuration '\(name)'; known: \(BenchConfiguration.all.map(\.name).joined(separator: ", "))")
            }
            return config
        }
        var turns: [GoldenTurn] = []
        for file in goldenFiles {
            do { turns += try GoldenFile.load(path: file) } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
        }
        var byConversation = Dictionary(grouping: turns) { $0.conversation ?? $0.id }
            .mapValues { $0.sorted { ($0.turn ?? 0) < ($1.turn ?? 0) } }
            .sorted { $0.key < $1.key }.map(\.value)
        if conversations > 0 { byConversation = Array(byConversation.prefix(conversations)) }
        let passes = try VariantPass.passes(
            byConversation, enabled: variants ?? chosen.contains { $0.shape == .cacheable }, seed: variantSeed, out: variantsOut)
        let seedProfile = simProfile.hasSuffix(".yaml") ? simProfile : "policies/sim-\(simProfile).yaml"
        let profile = try ScriptedSimProfile.write(golden: goldenFiles, seedProfile: seedProfile, variants: passes.pairs)
        defer { profile.cleanup() }
        print("gateway: \(policy), simulator: \(seedProfile) with capture/detect/generate scripted from the golden set")
        let results = try await GatewayProcess.with(simProfile: profile.profile, extraArguments: ["--policy", policy]) { gatewayURL in
            try await AgentHTTPClient.with { client in
                var results: [BenchResult] = []
                for config in chosen {
                    let pipeline = try AgentSetup.pipeline(
                        options: AgentOptions(
                            backend: .gateway, gatewayURL: gatewayURL, variant: config.variant,
                            pipeline: PipelineConfiguration(
                                mode: config.mode, reconcile: ReconcilePolicy(mode: config.reconcile), shape: config.shape),
                            models: config.models,
                            acceptSimulatedReplies: true),
                        client: client)
                    let total = passes.conversations.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
                    let progress = ProgressLine(label: config.name.padding(toLength: 20, withPad: " ", startingAt: 0), total: total)
                    var records: [TurnRecord] = []
                    // Pass after pass: a variant is replayed once its original has been answered.
                    for pass in passes.conversations {
                        records += await Self.replay(pass, pipeline: pipeline, concurrency: concurrency, progress: progress)
                    }
                    progress.finish()
                    results.append(BenchResult(configuration: config, records: records))
                }
                await GatewayStrategyTable.print(gatewayURL: gatewayURL, client: client ?? HTTPClient.shared)
                return results
            }
        }
        BenchReport.printTables(results)
        ReconcileSummary.printTable(results)
        CacheReport.printTables(results)
        try BenchReport.write(results, simProfile: seedProfile, policy: policy, json: out, svg: svg)
        print("\nwrote \(out) and \(svg)")
    }

    /// Replays conversations, `concurrency` at a time; turns within one run in order.
    static func replay(
        _ conversations: [[GoldenTurn]], pipeline: TurnPipeline, concurrency: Int, progress: ProgressLine
    ) async -> [TurnRecord] {
        await withTaskGroup(of: [TurnRecord].self) { group in
            var next = 0
            var records: [TurnRecord] = []
            func start() {
                let conversation = conversations[next]
                next += 1
                group.addTask {
                    var state = SessionState(id: conversation.first?.conversation ?? "bench")
                    var records: [TurnRecord] = []
                    for turn in conversation {
                        let firstDelta = FirstDelta()
                        let started = ContinuousClock.now
                        let (result, after) = await pipeline.run(state, message: turn.message) { _ in await firstDelta.mark() }
                        state = after
                        var record = TurnRecord(result, mode: pipeline.configuration.mode, gold: turn)
                        record.replyFirstToken = await firstDelta.milliseconds(since: started)
                        records.append(record)
                        progress.advance()
                    }
                    return records
                }
            }
            while next < min(concurrency, conversations.count) { start() }
            while let finished = await group.next() {
                records += finished
                if next < conversations.count { start() }
            }
            return records
        }
    }
}

/// One benchmarked pipeline configuration: pipeline shape, prompt variant, and the
/// gateway aliases (so the gateway's strategy) each step calls.
struct BenchConfiguration: Sendable, Codable {
    var name: String
    var mode: PipelineConfiguration.Mode
    var variant: PromptVariant
    var captureModel = "fast"
    var detectModel = "fast"
    var generateModel = "smart"
    var shape: PromptShape = .full
    /// What a reconcile trigger leads to (``ReconcilePolicy/Mode``).
    var reconcile: ReconcilePolicy.Mode = ReconcilePolicy.defaultMode

    var models: StepModels { StepModels(capture: captureModel, detect: detectModel, generate: generateModel) }

    enum CodingKeys: String, CodingKey {
        case name, mode, variant, shape, reconcile
        case captureModel = "capture_model", detectModel = "detect_model", generateModel = "generate_model"
    }

    static let all = [
        BenchConfiguration(name: "sequential-verbose", mode: .sequential, variant: .verbose),
        BenchConfiguration(name: "sequential-compact", mode: .sequential, variant: .compact),
        BenchConfiguration(name: "parallel-compact", mode: .parallel, variant: .compact),
        BenchConfiguration(
            name: "parallel-race", mode: .parallel, variant: .compact, captureModel: "fast-race", detectModel: "fast-race",
            generateModel: "smart-race"),
        BenchConfiguration(
            name: "parallel-hedge", mode: .parallel, variant: .compact, captureModel: "fast-hedge", detectModel: "fast-hedge",
            generateModel: "smart-hedge"),
        BenchConfiguration(name: "parallel-tier", mode: .parallel, variant: .compact, generateModel: "smart-tier"),
        BenchConfiguration(
            name: "parallel-cached", mode: .parallel, variant: .compact, captureModel: "fast-cached", detectModel: "fast-cached",
            generateModel: "smart-cached", shape: .cacheable),
    ] + reconcileModes

    /// parallel-compact and parallel-race under every reconcile mode (issue 11 §5):
    /// `reconcile-<mode>` and `race-reconcile-<mode>`.
    static let reconcileModes = ReconcilePolicy.Mode.allCases.flatMap { mode in
        [
            BenchConfiguration(name: "reconcile-\(mode.rawValue)", mode: .parallel, variant: .compact, reconcile: mode),
            BenchConfiguration(
                name: "race-reconcile-\(mode.rawValue)", mode: .parallel, variant: .compact, captureModel: "fast-race",
                detectModel: "fast-race", generateModel: "smart-race", reconcile: mode),
        ]
    }

    /// The phase-0 comparison, the default selection.
    static let baseline = ["sequential-verbose", "sequential-compact", "parallel-compact"]
}

/// What one turn cost, measured and ideal.
struct TurnRecord: Sendable {
    var total: Double
    var capture: Double
    var detect: Double
    var reconcile: Double?
    var generate: Double
    /// The critical path from the simulator's own service times; nil when a step fell back.
    var ideal: Double?
    var calls: Int
    /// Calls the gateway made upstream for this turn (race and hedge contenders, retries).
    var upstreamCalls: Int
    var promptTokens: Int
    var fallbacks: Int
    /// Each step's `x-gateway-cache` answer (`hit-exact`, `hit-semantic`, `miss`, `bypass`).
    var cache: [String: String]
    /// `original`, or the variant kind of a variant-pass turn.
    var kind: String
    /// Cached capture/detect answers that differ from the gold labels of this turn.
    var wrongHits: [WrongHit]
    /// Answers from a cache miss that differ from the gold labels (the simulator's script
    /// makes this 0; counted so a wrong-hit count of 0 means something).
    var missMismatches: Int
    /// From the message to the reply's first streamed text: what the customer waits.
    var replyFirstToken: Double?
    /// What the reconcile policy did.
    var reconcileAction: ReconcilePolicy.Action
    /// The local referee's time on the updated context, when it ran.
    var reconcileCheck: Double?
    /// Whether the turn's final situation is the gold one.
    var situationCorrect: Bool

    init(_ result: TurnResult, mode: PipelineConfiguration.Mode, gold: GoldenTurn) {
        reconcileAction = result.reconcileAction
        reconcileCheck = result.steps.reconcileCheck?.milliseconds
        situationCorrect = result.situation == gold.situation
        kind = gold.id.split(separator: "~").dropFirst().first.map(String.init) ?? "original"
        let judged = WrongHit.check(result, gold: gold)
        wrongHits = judged.0
        missMismatches = judged.1
        let steps = result.steps
        total = result.timings.total
        capture = steps.capture.milliseconds
        detect = steps.detect.milliseconds
        reconcile = steps.reconcile?.milliseconds
        generate = steps.generate.milliseconds
        let reports = [steps.capture, steps.detect, steps.generate] + (steps.reconcile.map { [$0] } ?? [])
        calls = reports.filter { $0.gateway != nil }.count
        upstreamCalls = reports.reduce(0) { $0 + ($1.gateway?.attempts ?? 0) }
        promptTokens = reports.reduce(0) { $0 + $1.promptTokens }
        fallbacks = reports.filter { $0.fallbackReason != nil }.count
        var cache: [String: String] = [:]
        for (step, report) in [("capture", steps.capture), ("detect", steps.detect), ("generate", steps.generate)] {
            if let outcome = report.gateway?.cache { cache[step] = outcome }
        }
        if let outcome = steps.reconcile?.gateway?.cache { cache["reconcile"] = outcome }
        self.cache = cache
        let service = { (report: StepReport) in report.gateway?.upstreamServiceMs }
        if let captureService = service(steps.capture), let detectService = service(steps.detect), let generateService = service(steps.generate) {
            let reconcileService = steps.reconcile.map(service) ?? 0
            guard let reconcileService else {
                ideal = nil
                return
            }
            switch mode {
            case .parallel: ideal = max(captureService, detectService) + reconcileService + generateService
            case .sequential: ideal = captureService + detectService + generateService
            }
        } else {
            ideal = nil
        }
    }
}

/// A configuration's records, summarized.
struct BenchResult: Sendable, Encodable {
    var configuration: BenchConfiguration
    var turns: Int
    var turnMs: LatencySummary
    var idealMs: LatencySummary
    var overheadMs: LatencySummary
    var captureMs: LatencySummary
    var detectMs: LatencySummary
    var reconcileMs: LatencySummary
    var generateMs: LatencySummary
    var reconcileRate: Double
    var callsPerTurn: Double
    var upstreamCallsPerTurn: Double
    var promptTokensPerTurn: Double
    var fallbacks: Int
    /// Per step: the share of gateway calls answered from the cache, by outcome.
    var cacheOutcomes: [String: [String: Double]]
    /// Per replay kind (original, exact, retype, paraphrase), per step: hit rate.
    var hitRateByKind: [String: [String: Double]]
    /// Hits over gateway calls of capture, detect (and reconcile) and generate together.
    var hitRate: Double
    var wrongHits: [WrongHit]
    var missMismatches: Int
    var reconcile: ReconcileSummary

    init(configuration: BenchConfiguration, records: [TurnRecord]) {
        self.configuration = configuration
        reconcile = ReconcileSummary(mode: configuration.reconcile, records: records)
        turns = records.count
        turnMs = LatencySummary(records.map(\.total))
        idealMs = LatencySummary(records.compactMap(\.ideal))
        overheadMs = LatencySummary(records.compactMap { record in record.ideal.map { record.total - $0 } })
        captureMs = LatencySummary(records.map(\.capture))
        detectMs = LatencySummary(records.map(\.detect))
        reconcileMs = LatencySummary(records.compactMap(\.reconcile))
        generateMs = LatencySummary(records.map(\.generate))
        let count = Double(max(records.count, 1))
        reconcileRate = Double(records.filter { $0.reconcile != nil }.count) / count
        callsPerTurn = Double(records.reduce(0) { $0 + $1.calls }) / count
        upstreamCallsPerTurn = Double(records.reduce(0) { $0 + $1.upstreamCalls }) / count
        promptTokensPerTurn = Double(records.reduce(0) { $0 + $1.promptTokens }) / count
        fallbacks = records.reduce(0) { $0 + $1.fallbacks }
        var outcomes: [String: [String: Double]] = [:]
        for step in ["capture", "detect", "reconcile", "generate"] {
            let seen = records.compactMap { $0.cache[step] }
            guard !seen.isEmpty else { continue }
            outcomes[step] = Dictionary(grouping: seen, by: { $0 }).mapValues { Double($0.count) / Double(seen.count) }
        }
        cacheOutcomes = outcomes
        var byKind: [String: [String: Double]] = [:]
        for (kind, group) in Dictionary(grouping: records, by: \.kind) {
            for step in ["capture", "detect", "reconcile", "generate"] {
                let seen = group.compactMap { $0.cache[step] }
                guard !seen.isEmpty else { continue }
                byKind[kind, default: [:]][step] = Double(seen.filter(CacheReport.isHit).count) / Double(seen.count)
            }
        }
        hitRateByKind = byKind
        let all = records.flatMap { $0.cache.values }
        hitRate = all.isEmpty ? 0 : Double(all.filter(CacheReport.isHit).count) / Double(all.count)
        wrongHits = records.flatMap(\.wrongHits)
        missMismatches = records.reduce(0) { $0 + $1.missMismatches }
    }

    /// Hits (exact or semantic) over gateway calls of `step`.
    func cacheHitRate(_ step: String) -> Double {
        let outcomes = cacheOutcomes[step] ?? [:]
        return (outcomes["hit-exact"] ?? 0) + (outcomes["hit-semantic"] ?? 0)
    }

    enum CodingKeys: String, CodingKey {
        case configuration, turns, fallbacks
        case turnMs = "turn_ms", idealMs = "ideal_ms", overheadMs = "overhead_ms", captureMs = "capture_ms"
        case detectMs = "detect_ms", reconcileMs = "reconcile_ms", generateMs = "generate_ms"
        case reconcileRate = "reconcile_rate", callsPerTurn = "calls_per_turn", promptTokensPerTurn = "prompt_tokens_per_turn"
        case upstreamCallsPerTurn = "upstream_calls_per_turn"
        case cacheOutcomes = "cache_outcomes", hitRateByKind = "hit_rate_by_kind", hitRate = "hit_rate"
        case wrongHits = "wrong_hits", missMismatches = "miss_label_mismatches", reconcile
    }
}

/// Tables, JSON and the SVG chart of a bench run.
enum BenchReport {
    static func printTables(_ results: [BenchResult]) {
        print("\nper turn (ms)           p50     p95     p99 | ideal p50  ideal p95 | overhead p50  p95 | reconcile  calls upstream  tokens  fallbacks")
        for result in results {
            print(
                result.configuration.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(
                        format: " %7.1f %7.1f %7.1f | %9.1f %10.1f | %12.1f %5.1f | %8.1f%% %6.2f %8.2f %7.0f %10d",
                        result.turnMs.p50, result.turnMs.p95, result.turnMs.p99, result.idealMs.p50, result.idealMs.p95,
                        result.overheadMs.p50, result.overheadMs.p95, result.reconcileRate * 100, result.callsPerTurn,
                        result.upstreamCallsPerTurn, result.promptTokensPerTurn, result.fallbacks))
        }
        print("\nper step p50/p95 (ms)  capture          detect           reconcile        generate")
        for result in results {
            let cells = [result.captureMs, result.detectMs, result.reconcileMs, result.generateMs].map {
                String(format: "%6.1f / %6.1f  ", $0.p50, $0.p95)
            }
            print(result.configuration.name.padding(toLength: 22, withPad: " ", startingAt: 0) + cells.joined())
        }
        print("\ncache hit rate         capture  detect  reconcile  generate   (x-gateway-cache per step)")
        for result in results {
            let cells = ["capture", "detect", "reconcile", "generate"].map { String(format: "%7.1f%%", result.cacheHitRate($0) * 100) }
            print(result.configuration.name.padding(toLength: 22, withPad: " ", startingAt: 0) + cells.joined(separator: " "))
        }
        if let baseline = results.first, results.count > 1 {
            print("\nratios to \(baseline.configuration.name) (turn p50 / p95 / p99):")
            for result in results.dropFirst() {
                print(String(
                    format: "  %@: %.2f / %.2f / %.2f", result.configuration.name, result.turnMs.p50 / max(baseline.turnMs.p50, 1e-9),
                    result.turnMs.p95 / max(baseline.turnMs.p95, 1e-9), result.turnMs.p99 / max(baseline.turnMs.p99, 1e-9)))
            }
        }
    }

    static func write(_ results: [BenchResult], simProfile: String, policy: String, json: String, svg: String) throws {
        for path in [json, svg] {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let document = BenchDocument(
            cores: ProcessInfo.processInfo.activeProcessorCount, simProfile: simProfile, policy: policy, results: results)
        try encoder.encode(document).write(to: URL(fileURLWithPath: json))
        let chart = SVGBarChart(
            title: "Sales agent turn latency: measured vs ideal critical path", unit: "ms",
            categories: results.map(\.configuration.name),
            series: [
                ("measured p50", results.map(\.turnMs.p50)), ("measured p95", results.map(\.turnMs.p95)),
                ("ideal p50", results.map(\.idealMs.p50)), ("ideal p95", results.map(\.idealMs.p95)),
            ])
        try chart.render().write(toFile: svg, atomically: true, encoding: .utf8)
        if results.contains(where: { $0.configuration.shape == .cacheable }) {
            let path = svg.hasSuffix(".svg") ? String(svg.dropLast(4)) + "-cache.svg" : svg + "-cache.svg"
            try CacheReport.chart(results).render().write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(path)")
        }
    }

    struct BenchDocument: Encodable {
        var cores: Int
        var build = BuildType.current
        var simProfile: String
        var policy: String
        var results: [BenchResult]

        enum CodingKeys: String, CodingKey {
            case cores, policy, results, build
            case simProfile = "sim_profile"
        }
    }
}
