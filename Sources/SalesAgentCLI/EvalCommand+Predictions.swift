import Foundation
import SalesCore

/// One cross-validated turn as `--predictions FILE` writes it: the gold labels beside the
/// engine's answers, for reading a slot's errors on the dev split.
struct PredictionLine: Encodable {
    var id: String
    var message: String
    var situation: Situation
    var predictedSituation: Situation
    var slots: SlotValues
    var predictedSlots: SlotValues

    enum CodingKeys: String, CodingKey {
        case id, message, situation, slots
        case predictedSituation = "predicted_situation"
        case predictedSlots = "predicted_slots"
    }

    /// Writes one JSON object per turn to `path`.
    static func write(gold: [GoldenTurn], predicted: [TurnPrediction], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = Data()
        for (turn, prediction) in zip(gold, predicted) {
            let line = PredictionLine(
                id: turn.id, message: turn.message, situation: turn.situation, predictedSituation: prediction.situation,
                slots: turn.slots, predictedSlots: prediction.slots)
            lines.append(try encoder.encode(line))
            lines.append(0x0A)
        }
        try lines.write(to: URL(fileURLWithPath: path))
    }
}
