/// SPEC §5 metrics over predicted vs gold turns.
public struct EvaluationReport: Sendable, Codable {
    /// Per-situation precision / recall / support.
    public struct SituationScore: Sendable, Codable {
        public var situation: String
        public var support: Int
        public var predicted: Int
        public var correct: Int
        public var precision: Double
        public var recall: Double
    }

    /// Per-slot precision / recall / F1 / support.
    public struct SlotScore: Sendable, Codable {
        public var slot: String
        public var support: Int
        public var predicted: Int
        public var correct: Int
        public var precision: Double
        public var recall: Double
        public var f1: Double
    }

    public var turns: Int
    public var situationAccuracy: Double
    public var slotPrecision: Double
    public var slotRecall: Double
    public var slotF1: Double
    public var perSituation: [SituationScore]
    public var perSlot: [SlotScore] = []
    /// confusion[gold][predicted] = count.
    public var confusion: [String: [String: Int]]

    enum CodingKeys: String, CodingKey {
        case turns
        case situationAccuracy = "situation_accuracy"
        case slotPrecision = "slot_precision"
        case slotRecall = "slot_recall"
        case slotF1 = "slot_f1"
        case perSituation = "per_situation"
        case perSlot = "per_slot"
        case confusion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        turns = try container.decode(Int.self, forKey: .turns)
        situationAccuracy = try container.decode(Double.self, forKey: .situationAccuracy)
        slotPrecision = try container.decode(Double.self, forKey: .slotPrecision)
        slotRecall = try container.decode(Double.self, forKey: .slotRecall)
        slotF1 = try container.decode(Double.self, forKey: .slotF1)
        perSituation = try container.decode([SituationScore].self, forKey: .perSituation)
        perSlot = try container.decodeIfPresent([SlotScore].self, forKey: .perSlot) ?? []
        confusion = try container.decode([String: [String: Int]].self, forKey: .confusion)
    }

    init(
        turns: Int, situationAccuracy: Double, slotPrecision: Double, slotRecall: Double, slotF1: Double,
        perSituation: [SituationScore], perSlot: [SlotScore], confusion: [String: [String: Int]]
    ) {
        self.turns = turns
        self.situationAccuracy = situationAccuracy
        self.slotPrecision = slotPrecision
        self.slotRecall = slotRecall
        self.slotF1 = slotF1
        self.perSituation = perSituation
        self.perSlot = perSlot
        self.confusion = confusion
    }
}

/// One turn's prediction to score.
public struct TurnPrediction: Sendable {
    public var situation: Situation
    public var slots: SlotValues

    public init(situation: Situation, slots: SlotValues) {
        self.situation = situation
        self.slots = slots
    }
}

/// Scores predictions against gold labels.
public enum Evaluator {
    /// A predicted slot counts as correct when the gold has the same slot and the token F1
    /// of the two values is at least `threshold` (SPEC §5: 0.5).
    public static func report(gold: [GoldenTurn], predicted: [TurnPrediction], threshold: Double = 0.5) -> EvaluationReport {
        precondition(gold.count == predicted.count, "one prediction per gold turn")
        var correctSituations = 0
        var confusion: [String: [String: Int]] = [:]
        var support: [Situation: Int] = [:]
        var predictedCount: [Situation: Int] = [:]
        var correctCount: [Situation: Int] = [:]
        var truePositives = 0
        var predictedSlots = 0
        var goldSlots = 0
        var slotGold: [Slot: Int] = [:]
        var slotPredicted: [Slot: Int] = [:]
        var slotCorrect: [Slot: Int] = [:]
        for (truth, guess) in zip(gold, predicted) {
            support[truth.situation, default: 0] += 1
            predictedCount[guess.situation, default: 0] += 1
            confusion[truth.situation.rawValue, default: [:]][guess.situation.rawValue, default: 0] += 1
            if truth.situation == guess.situation {
                correctSituations += 1
                correctCount[truth.situation, default: 0] += 1
            }
            predictedSlots += guess.slots.count
            goldSlots += truth.slots.count
            for (slot, _) in truth.slots { slotGold[slot, default: 0] += 1 }
            for (slot, value) in guess.slots {
                slotPredicted[slot, default: 0] += 1
                if let goldValue = truth.slots[slot], TokenF1.score(value, goldValue) >= threshold {
                    truePositives += 1
                    slotCorrect[slot, default: 0] += 1
                }
            }
        }
        let precision = predictedSlots == 0 ? 0 : Double(truePositives) / Double(predictedSlots)
        let recall = goldSlots == 0 ? 0 : Double(truePositives) / Double(goldSlots)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        let scores = Situation.allCases.compactMap { situation -> EvaluationReport.SituationScore? in
            let supportCount = support[situation, default: 0]
            let predictedTotal = predictedCount[situation, default: 0]
            guard supportCount + predictedTotal > 0 else { return nil }
            let correct = correctCount[situation, default: 0]
            return .init(
                situation: situation.rawValue, support: supportCount, predicted: predictedTotal, correct: correct,
                precision: predictedTotal == 0 ? 0 : Double(correct) / Double(predictedTotal),
                recall: supportCount == 0 ? 0 : Double(correct) / Double(supportCount))
        }
        let slotScores = Slot.allCases.compactMap { slot -> EvaluationReport.SlotScore? in
            let support = slotGold[slot, default: 0]
            let guessed = slotPredicted[slot, default: 0]
            guard support + guessed > 0 else { return nil }
            let correct = slotCorrect[slot, default: 0]
            let precision = guessed == 0 ? 0 : Double(correct) / Double(guessed)
            let recall = support == 0 ? 0 : Double(correct) / Double(support)
            return .init(
                slot: slot.rawValue, support: support, predicted: guessed, correct: correct, precision: precision, recall: recall,
                f1: precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
        }
        return EvaluationReport(
            turns: gold.count,
            situationAccuracy: gold.isEmpty ? 0 : Double(correctSituations) / Double(gold.count),
            slotPrecision: precision, slotRecall: recall, slotF1: f1,
            perSituation: scores, perSlot: slotScores, confusion: confusion)
    }
}
