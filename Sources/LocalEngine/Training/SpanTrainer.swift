import SalesCore

/// Trains the span model: every clause of every dev turn, labelled with the clause-level
/// slot whose gold value it matches (token F1 ≥ 0.5, SPEC §5), or `none`.
enum SpanTrainer {
    static let labels: [String] = ["none"] + SpanFeatures.slots.map(\.rawValue)

    /// Features and label index of every clause of `turns`.
    static func examples(_ turns: [GoldenTurn]) -> [(features: Set<String>, label: Int)] {
        turns.flatMap { turn -> [(features: Set<String>, label: Int)] in
            let message = MessageText(turn.message)
            return SpanFeatures.clauses(of: message).map { clause in
                (clause.features, label(Filler.trim(clause.range, in: message), in: message, gold: turn.slots))
            }
        }
    }

    /// The label of one clause: the first clause-level slot (in `SpanFeatures.slots` order)
    /// whose gold value the clause matches best, at token F1 ≥ 0.5.
    static func label(_ range: Range<Int>, in message: MessageText, gold: SlotValues) -> Int {
        guard !range.isEmpty else { return 0 }
        let clause = TokenF1.tokens(message.span(range))
        var best = (label: 0, score: 0.5)
        for (number, slot) in SpanFeatures.slots.enumerated() {
            guard let value = gold[slot] else { continue }
            let score = TokenF1.score(clause, TokenF1.tokens(value))
            if score > best.score || (score >= 0.5 && best.label == 0) { best = (number + 1, score) }
        }
        return best.label
    }

    static func fit(_ turns: [GoldenTurn], options: TrainingOptions) -> SpanModel {
        let examples = examples(turns)
        let vocabulary = Vocabulary.build(examples.map(\.features), minCount: options.minCount, maxFeatures: options.maxSpanFeatures)
        var regression = SoftmaxRegression(featureCount: vocabulary.count, labelCount: labels.count)
        var spanOptions = options
        spanOptions.l2 = options.slotL2
        regression.train(examples.map { (vocabulary.rows(of: $0.features), $0.label) }, options: spanOptions)
        let rows = regression.weightRows(decimals: 3)
        let kept = rows.indices.filter { row in rows[row].contains { $0 != 0 } }
        return SpanModel(
            labels: labels, bias: regression.bias.map { ($0 * 1_000).rounded() / 1_000 }, features: kept.map { vocabulary.names[$0] },
            weights: kept.map { rows[$0] })
    }
}
