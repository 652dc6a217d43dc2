import Foundation

/// The results of a scenario and what follows from them: each run's overhead over the
/// baseline target at the same mode and load. Renders as a table, JSON and an SVG chart.
public struct BenchReport: Sendable, Encodable {
    /// One measured run and its overhead over the baseline (nil for the baseline itself,
    /// when either side has no successful request, or when the baseline was not measured
    /// at that mode and load).
    public struct Row: Sendable, Hashable, Encodable {
        public var result: LoadResult
        public var overheadMs: Overhead?

        public func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(overheadMs, forKey: .overheadMs)
        }

        private enum CodingKeys: String, CodingKey {
            case overheadMs = "overhead_ms"
        }
    }

    public var scenario: String
    /// The target every other one is compared with (`direct`).
    public var baseline: String
    /// Free-form facts about the run (cores, build, peers, dates).
    public var environment: [String: String]
    public var rows: [Row]

    public init(scenario: String, baseline: String, environment: [String: String] = [:], results: [LoadResult]) {
        self.scenario = scenario
        self.baseline = baseline
        self.environment = environment
        rows = results.map { result in
            guard result.target != baseline, result.succeeded > 0,
                let base = results.first(where: {
                    $0.target == baseline && $0.mode == result.mode && $0.load == result.load && $0.succeeded > 0
                })
            else { return Row(result: result, overheadMs: nil) }
            return Row(result: result, overheadMs: Overhead(result, minus: base))
        }
    }

    /// The JSON document: `{scenario, baseline, environment, runs: [...]}`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
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

    private enum CodingKeys: String, CodingKey {
        case scenario, baseline, environment
        case rows = "runs"
    }
}
