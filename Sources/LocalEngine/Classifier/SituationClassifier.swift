import Embeddings
import SalesCore

/// Classifies a turn: the model's calibrated probabilities, then the high-precision rules.
struct SituationClassifier: Sendable {
    let model: LocalModel
    /// The sentence embedder the model was trained with, when it uses one.
    let embedder: (any Embedder)?

    /// `applyRules: false` skips the opt-out guard (a caller that already ran it).
    func classify(message: MessageText, slots: [Slot: Range<Int>], context: SlotValues, history: [GoldenTurn.Message], applyRules: Bool = true) -> Detection {
        let features = FeatureExtractor.features(
            message: message, slots: slots, context: context, history: history, embedding: embedder?.embed(message.text))
        let probabilities = model.probabilities(features)
        if applyRules, let ruled = SituationRules.override(message, history: history) {
            let index = model.labels.firstIndex(of: ruled)
            return Detection(situation: ruled, confidence: max(SituationRules.ruleConfidence, index.map { probabilities[$0] } ?? 0))
        }
        // The guard decides opt-outs; the model alone says `opt_out` only when it is sure
        // (a look-alike called opt-out would end the conversation), else its next answer.
        // Nor on a look-alike the guard let pass for a reason (`stop the trial from renewing`);
        // that check runs only when the model would say `opt_out`.
        var candidates = probabilities.indices.filter { model.labels[$0] != .optOut || probabilities[$0] >= Self.modelOptOutFloor }
        if let optOut = candidates.first(where: { model.labels[$0] == .optOut }),
            candidates.allSatisfy({ probabilities[$0] <= probabilities[optOut] }),
            SituationRules.optOut.isLookAlike(message: message.text)
        {
            candidates.removeAll { $0 == optOut }
        }
        guard let best = candidates.max(by: { probabilities[$0] < probabilities[$1] }) else {
            return Detection(situation: .discoveryShare, confidence: 0)
        }
        return Detection(situation: model.labels[best], confidence: min(1, max(0, probabilities[best])))
    }

    /// The probability the model needs to call a message `opt_out` that the guard passed.
    static let modelOptOutFloor = 0.6
}
