import SalesCore

/// Runs the engine over labelled turns and scores it with `Evaluator.report` (SPEC §5).
public enum LocalEvaluation {
    /// Detects and captures every turn (detect with the turn's history and context),
    /// and returns the predictions with their report.
    public static func evaluate(_ engine: LocalEngine, on turns: [GoldenTurn]) -> (report: EvaluationReport, predictions: [TurnPrediction]) {
        let predictions = turns.map { turn in
            TurnPrediction(
                situation: engine.detect(message: turn.message, context: turn.context, history: turn.history).situation,
                slots: engine.capture(message: turn.message, context: turn.context, history: turn.history))
        }
        return (Evaluator.report(gold: turns, predicted: predictions), predictions)
    }
}
