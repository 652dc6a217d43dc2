import Dispatch
import Embeddings
import SalesCore
import Synchronization

/// Honest numbers on the training data: every turn predicted by an engine trained
/// without its conversation (folds grouped by conversation).
extension LocalEvaluation {
    /// Predictions and report of `folds`-fold cross-validation, grouped by conversation:
    /// the situation classifier and the span model are retrained for each fold.
    /// `grouping: .author` holds out one author per fold (`folds` is then the author count).
    public static func crossValidate(
        _ turns: [GoldenTurn], folds: Int = 5, grouping: FoldGrouping = .conversation, options: TrainingOptions = .init(),
        embedder: (any Embedder)? = nil
    ) -> (report: EvaluationReport, predictions: [TurnPrediction]) {
        crossValidate(turns, folds: folds, grouping: grouping, options: options, embedder: embedder, policy: .modelThenRules)
    }

    static func crossValidate(
        _ turns: [GoldenTurn], folds: Int, grouping: FoldGrouping = .conversation, options: TrainingOptions, embedder: (any Embedder)?,
        policy: SlotMerge.Policy, spanThreshold: Double = 0.3
    ) -> (report: EvaluationReport, predictions: [TurnPrediction]) {
        var foldOptions = options
        foldOptions.calibrationFolds = 0
        let (assignment, foldCount) = Folds.assign(turns, count: folds, by: grouping)
        let playbook = Playbook(slotDescriptions: [:], situationDescriptions: [:], principles: [], rules: [])
        let trainingOptions = foldOptions  // a constant: the concurrent folds cannot capture a var
        // Folds are independent and training is deterministic: they run on every core, and
        // the result does not depend on which finishes first.
        let byFold = Mutex([[(Int, TurnPrediction)]](repeating: [], count: max(1, foldCount)))
        DispatchQueue.concurrentPerform(iterations: max(1, foldCount)) { fold in
            let training = turns.indices.filter { assignment[$0] != fold }.map { turns[$0] }
            let held = turns.indices.filter { assignment[$0] == fold }
            guard !training.isEmpty, !held.isEmpty else { return }
            let engine = LocalEngine(
                model: LocalTrainer.train(training, options: trainingOptions, embedder: embedder), playbook: playbook, embedder: embedder,
                spanPolicy: policy, spanThreshold: spanThreshold)
            let predicted = held.map { index in
                let turn = turns[index]
                return (index, TurnPrediction(
                    situation: engine.detect(message: turn.message, context: turn.context, history: turn.history).situation,
                    slots: engine.capture(message: turn.message, context: turn.context, history: turn.history)))
            }
            byFold.withLock { $0[fold] = predicted }
        }
        var predictions = [TurnPrediction?](repeating: nil, count: turns.count)
        for (index, prediction) in byFold.withLock({ $0 }).joined() { predictions[index] = prediction }
        let complete = predictions.map { $0 ?? TurnPrediction(situation: .discoveryShare, slots: SlotValues()) }
        return (Evaluator.report(gold: turns, predicted: complete), complete)
    }
}
