import LocalEngine
import SalesCore

/// What the opt-out model trains on: the labelled opt-outs and look-alikes, and every dev
/// turn (an `opt_out` turn is an opt-out, any other one is not).
enum OptOutTrainingFiles {
    static func examples(files: [String], devFiles: [String]) throws -> [OptOutExample] {
        let labelled = try files.flatMap { try LabelledMessage.load($0) }.map { OptOutExample(text: $0.text, history: $0.history, optOut: $0.optOut) }
        let dev = try devFiles.flatMap { try GoldenFile.load(path: $0) }.map {
            OptOutExample(text: $0.message, history: $0.history, optOut: $0.situation == .optOut)
        }
        return labelled + dev
    }
}
