import Embeddings
import SalesCore

/// Trains the situation classifier on labelled turns (dev split only).
public enum LocalTrainer {
    /// Trains the situation classifier on labelled turns (dev split only). Deterministic:
    /// the same turns and options give the same model.
    /// `embedder` (the one the engine will run with) makes the sentence vector a feature.
    public static func train(_ turns: [GoldenTurn], options: TrainingOptions = .init(), embedder: (any Embedder)? = nil) -> LocalModel {
        let examples = turns.map { TrainingExample($0, embedder: embedder) }
        var model = fit(examples, options: options)
        model.spans = SpanTrainer.fit(turns, options: options)
        model.tokens = TokenTrainer.fit(turns, options: options)
        model.embedder = embedder?.identifier
        if options.calibrationFolds > 1 {
            let heldOut = outOfFoldLogits(examples, turns: turns, options: options)
            model.temperature = Calibration.temperature(logits: heldOut.map(\.logits), labels: heldOut.map(\.label))
        }
        return model
    }

    /// Accuracy of models trained without each fold on that fold (folds by conversation):
    /// an honest estimate on data the model did not see. Rules are applied as in `detect`.
    public static func crossValidatedAccuracy(_ turns: [GoldenTurn], options: TrainingOptions = .init(), folds: Int = 5, embedder: (any Embedder)? = nil) -> Double {
        let examples = turns.map { TrainingExample($0, embedder: embedder) }
        var options = options
        options.calibrationFolds = folds
        let heldOut = outOfFoldLogits(examples, turns: turns, options: options)
        guard !heldOut.isEmpty else { return 0 }
        let correct = heldOut.filter { item in
            let predicted = item.ruled ?? Situation.allCases[item.logits.indices.max { item.logits[$0] < item.logits[$1] }!]
            return predicted == Situation.allCases[item.label]
        }.count
        return Double(correct) / Double(heldOut.count)
    }

    static func fit(_ examples: [TrainingExample], options: TrainingOptions) -> LocalModel {
        let vocabulary = Vocabulary.build(examples.map(\.features), minCount: options.minCount, maxFeatures: options.maxFeatures)
        let labels = Situation.allCases
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var regression = SoftmaxRegression(featureCount: vocabulary.count, labelCount: labels.count)
        let encoded = examples.map { example in
            (features: vocabulary.rows(of: example.features), label: labelIndex[example.situation]!)
        }
        regression.train(encoded, options: options)
        let rows = regression.weightRows(decimals: 4)
        let kept = rows.indices.filter { row in rows[row].contains { $0 != 0 } }
        let bias = regression.bias.map { ($0 * 10_000).rounded() / 10_000 }
        return LocalModel(
            featureVersion: FeatureExtractor.version, labels: labels, temperature: 1, bias: bias,
            features: kept.map { vocabulary.names[$0] }, weights: kept.map { rows[$0] })
    }

    /// Logits for every turn from a model trained on the other folds.
    private static func outOfFoldLogits(_ examples: [TrainingExample], turns: [GoldenTurn], options: TrainingOptions) -> [(logits: [Double], label: Int, ruled: Situation?)] {
        let folds = Folds.assign(turns, count: options.calibrationFolds)
        var result: [(logits: [Double], label: Int, ruled: Situation?)] = []
        for fold in 0..<options.calibrationFolds {
            let training = examples.indices.filter { folds[$0] != fold }.map { examples[$0] }
            let held = examples.indices.filter { folds[$0] == fold }
            guard !training.isEmpty, !held.isEmpty else { continue }
            let model = fit(training, options: options)
            for index in held {
                let example = examples[index]
                result.append((model.logits(example.features), Situation.allCases.firstIndex(of: example.situation)!, example.ruled))
            }
        }
        return result
    }
}

/// One turn's features and label, computed once.
struct TrainingExample: Sendable {
    var features: Set<String>
    var situation: Situation
    var ruled: Situation?

    init(_ turn: GoldenTurn, embedder: (any Embedder)?) {
        let text = MessageText(turn.message)
        features = FeatureExtractor.features(
            message: text, slots: SlotExtractor.extract(text), context: turn.context, history: turn.history,
            embedding: embedder?.embed(turn.message))
        situation = turn.situation
        ruled = SituationRules.override(text, history: turn.history)
    }
}

/// How cross-validation groups turns into folds.
public enum FoldGrouping: String, Sendable, CaseIterable {
    /// Turns of one conversation share a fold; folds mix authors.
    case conversation
    /// One fold per author (`GoldenTurn.author`): each is predicted by an engine trained
    /// only on the other authors' writing, the nearest dev gets to text from a stranger.
    case author
}

/// Grouped folds: turns of one conversation (or one author) always share a fold.
enum Folds {
    static func assign(_ turns: [GoldenTurn], count: Int) -> [Int] {
        let conversations = Array(Set(turns.map { $0.conversation ?? $0.id })).sorted()
        let fold = Dictionary(uniqueKeysWithValues: conversations.enumerated().map { ($1, $0 % max(1, count)) })
        return turns.map { fold[$0.conversation ?? $0.id]! }
    }

    /// Fold numbers and their count for `grouping` (`count` applies to conversations).
    static func assign(_ turns: [GoldenTurn], count: Int, by grouping: FoldGrouping) -> (folds: [Int], count: Int) {
        switch grouping {
        case .conversation: return (assign(turns, count: count), count)
        case .author:
            let authors = Array(Set(turns.map { $0.author ?? "" })).sorted()
            let fold = Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1, $0) })
            return (turns.map { fold[$0.author ?? ""]! }, authors.count)
        }
    }
}
