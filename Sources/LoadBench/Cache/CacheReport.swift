import BenchKit
import Foundation

/// The cache scenario's results: one row per phase with its ratios to the direct call, the
/// memory tier's footprint per fill level and the SPEC §6 targets. Table, JSON and SVG.
public struct CacheReport: Sendable, Encodable {
    public var scenario = CacheScenario.name
    /// The row every other one is compared with.
    public var baseline = "direct"
    public var environment: [String: String]
    public var rows: [CachePhaseResult]
    public var footprint: [CacheFootprint]
    public var targets: [CacheTargetCheck]
    /// The semantic gateways' index entries and RSS per fill level.
    public var semanticFootprint: [SemanticFootprint] = []
    /// The bundled embedder's time per message by length, in process.
    public var embedTimes: [EmbedTiming] = []

    /// Rows from the tallies, ratios against the `direct` row's latency.
    public init(environment: [String: String], tallies: [CachePhaseTally], footprint: [CacheFootprint], targets: [CacheTarget]) {
        self.environment = environment
        let direct = tallies.first { $0.phase.server == "direct" && $0.recorder.successes > 0 }?.recorder.latencySummary
        let rows = tallies.map { $0.result(direct: direct) }
        self.rows = rows
        self.footprint = footprint
        self.targets = targets.compactMap { $0.check(rows) }
    }

    /// The JSON document: `{scenario, baseline, environment, rows, footprint, targets}`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// p50 and p99 per row, in ms.
    public func svg() -> String {
        let measured = rows.filter { $0.requests > 0 }
        let chart = SVGBarChart(
            title: "Exact and semantic cache hits through HTTP vs a direct call to the zero simulator, p50 and p99",
            unit: "ms", categories: measured.map(\.name),
            series: [("p50", measured.map(\.latencyMs.p50)), ("p99", measured.map(\.latencyMs.p99))])
        return chart.render(width: max(900, Double(measured.count) * 120 + 120), height: 460)
    }

    /// Writes the JSON and SVG files, creating their folders.
    public func write(json: String, svg: String) throws {
        for path in [json, svg] {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try self.json().write(to: URL(fileURLWithPath: json))
        try self.svg().write(toFile: svg, atomically: true, encoding: .utf8)
    }
}
