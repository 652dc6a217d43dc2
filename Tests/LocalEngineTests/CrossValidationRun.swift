import Foundation
@testable import LocalEngine
import SalesCore
import Testing

/// Cross-validates the engine on the dev split (5 folds by conversation) and prints the
/// report. Skipped unless `LOCAL_ENGINE_CV=1`; `LOCAL_ENGINE_CV_THRESHOLDS=0.2,0.3` compares
/// span thresholds, `LOCAL_ENGINE_CV_BY=author` holds out one author per fold:
/// `LOCAL_ENGINE_CV=1 swift test --filter LocalEngineTests.CrossValidationRun`
@Suite struct CrossValidationRun {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOCAL_ENGINE_CV"] == "1"))
    func crossValidateDev() throws {
        let turns = try Fixtures.devTurns()
        let thresholds = (ProcessInfo.processInfo.environment["LOCAL_ENGINE_CV_THRESHOLDS"] ?? "0.3").split(separator: ",").compactMap { Double($0) }
        let grouping = FoldGrouping(rawValue: ProcessInfo.processInfo.environment["LOCAL_ENGINE_CV_BY"] ?? "") ?? .conversation
        for threshold in thresholds {
            let (report, _) = LocalEvaluation.crossValidate(
                turns, folds: 5, grouping: grouping, options: .init(), embedder: SharedEmbedder.instance, policy: .modelThenRules,
                spanThreshold: threshold)
            print(String(format: "CV threshold %.2f: situation %.3f slot P %.3f R %.3f F1 %.3f", threshold, report.situationAccuracy, report.slotPrecision, report.slotRecall, report.slotF1))
            for score in report.perSlot {
                print(String(format: "  %@ support %d predicted %d P %.2f R %.2f F1 %.2f", score.slot, score.support, score.predicted, score.precision, score.recall, score.f1))
            }
            for score in report.perSituation {
                print(String(format: "  situation %@ support %d recall %.2f precision %.2f", score.situation, score.support, score.recall, score.precision))
            }
        }
    }
}
