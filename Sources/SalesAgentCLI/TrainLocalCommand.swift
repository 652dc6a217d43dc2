import ArgumentParser
import Foundation
import LocalEngine
import SalesAgent

/// `sales-agent train-local`: trains the local engine's classifier on the DEV split only
/// and writes the model file and its embedded Swift copy.
struct TrainLocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-local", abstract: "Train the local engine's classifier on golden dev data (never the test split).")

    @Option(name: .customLong("golden"), help: "Dev-split golden files (repeatable).")
    var devFiles: [String] = ["golden/dev.jsonl"]

    @Option(help: "Model file to write.")
    var out = "policies/local-model.json"

    @Option(help: "Generated Swift file embedding the model.")
    var swiftOut = "Sources/LocalEngine/Generated/EmbeddedModel.swift"

    @Option(name: .customLong("opt-out-data"), help: "Labelled opt-outs and look-alikes (JSONL) the opt-out model trains on, with the dev turns (repeatable).")
    var optOutFiles: [String] = OptOutTrainer.trainingFiles

    @Option(help: "Opt-out model file to write.")
    var optOutOut = "policies/opt-out-model.json"

    @Option(help: "Generated Swift file embedding the opt-out model.")
    var optOutSwiftOut = "Sources/LocalEngine/Generated/EmbeddedOptOutModel.swift"

    func run() throws {
        for file in devFiles where file.contains("test") || file.contains("shift") || file.contains("heldout") {
            throw ValidationError("\(file) looks like a held-out set (test or shift); the local engine trains on dev data only")
        }
        let embedder = try AgentSetup.bundledEmbedder()
        let report = try LocalTrainer.trainAndWrite(devPaths: devFiles, modelPath: out, swiftPath: swiftOut, embedder: embedder)
        print("trained on \(report.turns) turns in \(report.conversations) conversations (\(report.devPaths.joined(separator: ", ")))")
        print("features \(report.features), temperature \(report.temperature), model \(report.modelBytes) bytes")
        print(String(format: "situation accuracy: %.3f held-out (5-fold by conversation), %.3f on the training turns", report.crossValidatedAccuracy, report.dev.situationAccuracy))
        let held = report.crossValidated
        print(String(format: "slot P/R/F1: %.3f / %.3f / %.3f held-out, %.3f / %.3f / %.3f on the training turns", held.slotPrecision, held.slotRecall, held.slotF1, report.dev.slotPrecision, report.dev.slotRecall, report.dev.slotF1))
        let examples = try OptOutTrainingFiles.examples(files: optOutFiles, devFiles: devFiles)
        let optOut = try OptOutTrainer.trainAndWrite(examples, modelPath: optOutOut, swiftPath: optOutSwiftOut)
        print("opt-out model: \(examples.count) messages (\(examples.filter(\.optOut).count) opt-outs), \(optOut.features.count) features, threshold \(optOut.threshold)")
        print("wrote \(out), \(swiftOut), \(optOutOut) and \(optOutSwiftOut); rebuild so the embedded models are compiled in")
    }
}
