import Foundation
import LocalEngine
import SalesCore
import Testing

/// Scores the shipped engine on golden files named in `LOCAL_ENGINE_EVAL` (comma-separated
/// paths) and prints the report; with `LOCAL_ENGINE_PREDICTIONS=FILE` also writes one JSON
/// line per turn. Skipped unless the variable is set:
/// `LOCAL_ENGINE_EVAL=golden/dev-part-a.jsonl swift test --filter LocalEngineTests.GoldenEvaluationRun`
@Suite struct GoldenEvaluationRun {
    @Test(.enabled(if: Fixtures.paths(fromEnvironment: "LOCAL_ENGINE_EVAL") != nil))
    func evaluateGoldenFiles() throws {
        let paths = Fixtures.paths(fromEnvironment: "LOCAL_ENGINE_EVAL") ?? []
        var seen = Set<String>()
        let turns = try paths.flatMap { try GoldenFile.load(path: $0) }.filter { seen.insert($0.id).inserted }
        let engine = LocalEngine(model: LocalModel.shipped, playbook: try Playbooks.shipped(), embedder: SharedEmbedder.instance)
        let (report, predictions) = LocalEvaluation.evaluate(engine, on: turns)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print("LOCAL_ENGINE_REPORT " + String(decoding: try encoder.encode(report), as: UTF8.self))
        if let output = ProcessInfo.processInfo.environment["LOCAL_ENGINE_PREDICTIONS"] {
            let lines = try zip(turns, predictions).map { turn, prediction in
                let line: [String: String] = [
                    "id": turn.id, "predicted": prediction.situation.rawValue,
                    "slots": String(decoding: try encoder.encode(prediction.slots), as: UTF8.self),
                ]
                return String(decoding: try encoder.encode(line), as: UTF8.self)
            }
            try lines.joined(separator: "\n").write(toFile: output, atomically: true, encoding: .utf8)
        }
        #expect(report.turns == turns.count)
    }
}
