import Foundation
import SalesCore

/// Trains the token model: every word of every dev turn, labelled with the slot whose gold
/// value covers it (of the slots the engine takes from it, `SlotMerge.tokenUse`), or `none`.
enum TokenTrainer {
    static let labels: [String] = ["none"] + Slot.allCases.filter { SlotMerge.tokenUse[$0] != nil }.map(\.rawValue)

    /// Features and label of every word of `turns`.
    static func examples(_ turns: [GoldenTurn]) -> [(features: [String], label: Int)] {
        turns.flatMap { turn -> [(features: [String], label: Int)] in
            let message = MessageText(turn.message)
            let features = TokenFeatures.features(of: message, rules: SlotExtractor.extract(message))
            let tags = labels(of: message, gold: turn.slots)
            return message.tokens.indices.compactMap { index in
                features[index].isEmpty ? nil : (features[index], tags[index])
            }
        }
    }

    /// Each token's label: the slot of the gold value covering it. Where values overlap
    /// (`about $20k` inside `we have about $20k`), the shorter one keeps its words.
    static func labels(of message: MessageText, gold: SlotValues) -> [Int] {
        var tags = [Int](repeating: 0, count: message.count)
        let located = gold.entries.compactMap { entry -> (label: Int, range: Range<Int>)? in
            guard let label = labels.firstIndex(of: entry.slot.rawValue), let range = tokenRange(of: entry.value, in: message) else { return nil }
            return (label, range)
        }
        for value in located.sorted(by: { ($0.range.count, $0.label) > ($1.range.count, $1.label) }) {
            for index in value.range { tags[index] = value.label }
        }
        return tags
    }

    /// The tokens of `message` inside the first occurrence of `value` (exact, else ignoring case).
    static func tokenRange(of value: String, in message: MessageText) -> Range<Int>? {
        guard !value.isEmpty,
            let characters = message.text.range(of: value) ?? message.text.range(of: value, options: .caseInsensitive)
        else { return nil }
        let inside = message.tokens.indices.filter { index in
            let token = message.tokens[index].range
            return token.lowerBound >= characters.lowerBound && token.upperBound <= characters.upperBound
        }
        guard let first = inside.first, let last = inside.last else { return nil }
        return first..<(last + 1)
    }

    static func fit(_ turns: [GoldenTurn], options: TrainingOptions) -> SpanModel {
        let examples = examples(turns)
        let vocabulary = Vocabulary.build(examples.map { Set($0.features) }, minCount: options.minCount, maxFeatures: options.maxTokenFeatures)
        var regression = SoftmaxRegression(featureCount: vocabulary.count, labelCount: labels.count)
        var tokenOptions = options
        tokenOptions.epochs = options.tokenEpochs
        tokenOptions.l2 = options.slotL2
        regression.train(examples.map { (vocabulary.rows(of: Set($0.features)), $0.label) }, options: tokenOptions)
        let rows = regression.weightRows(decimals: 2)
        let kept = rows.indices.filter { row in rows[row].contains { $0 != 0 } }
        return SpanModel(
            labels: labels, bias: regression.bias.map { ($0 * 100).rounded() / 100 }, features: kept.map { vocabulary.names[$0] },
            weights: kept.map { rows[$0] })
    }
}
