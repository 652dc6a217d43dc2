import Foundation
import LocalEngine
import SalesCore
import Testing

/// Trains the shipped model. Skipped unless `TRAIN_LOCAL_MODEL=1`:
///
///     TRAIN_LOCAL_MODEL=1 swift test --filter LocalEngineTests.TrainingRun
///
/// trains on `golden/dev*.jsonl` (dev split only) and writes `policies/local-model.json`
/// and `Sources/LocalEngine/Generated/EmbeddedModel.swift` from the same run, then prints
/// the training report. Rebuild afterwards so the embedded model is compiled in.
@Suite struct TrainingRun {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRAIN_LOCAL_MODEL"] == "1"))
    func trainShippedModel() throws {
        let report = try LocalTrainer.trainAndWrite(
            devPaths: Fixtures.devPaths, modelPath: Fixtures.path("policies/local-model.json"),
            swiftPath: Fixtures.path("Sources/LocalEngine/Generated/EmbeddedModel.swift"), embedder: SharedEmbedder.instance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var summary = report
        summary.dev.confusion = [:]
        summary.crossValidated.confusion = [:]
        print("LOCAL_TRAINING_REPORT " + String(decoding: try encoder.encode(summary), as: UTF8.self))
        #expect(report.turns > 0)
        #expect(report.modelBytes <= 2_000_000)
    }
}
