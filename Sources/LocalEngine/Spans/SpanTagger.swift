import SalesCore

/// Picks, for each clause-level slot, the clause the span model likes best for it.
struct SpanTagger: Sendable {
    let model: SpanModel
    /// A clause fills a slot when the model gives that slot at least this probability.
    var threshold = 0.3

    /// Slot → clause (trimmed of filler) for every slot some clause is most likely to fill.
    func tag(_ message: MessageText) -> [Slot: Range<Int>] {
        var best: [Slot: (range: Range<Int>, probability: Double)] = [:]
        for clause in SpanFeatures.clauses(of: message) {
            let probabilities = model.probabilities(clause.features)
            let range = Filler.trim(clause.range, in: message)
            guard !range.isEmpty else { continue }
            for label in probabilities.indices.dropFirst() where probabilities[label] >= threshold {
                guard let slot = Slot(rawValue: model.labels[label]) else { continue }
                if best[slot].map({ $0.probability < probabilities[label] }) ?? true { best[slot] = (range, probabilities[label]) }
            }
        }
        return best.mapValues(\.range)
    }

    /// The clause most likely to fill `slot`, however unlikely: a message of a kind that
    /// always fills it (an objection states its concern) gets its best guess.
    func bestClause(for slot: Slot, in message: MessageText) -> Range<Int>? {
        guard let label = model.labels.firstIndex(of: slot.rawValue) else { return nil }
        var best: (range: Range<Int>, probability: Double)?
        for clause in SpanFeatures.clauses(of: message) {
            let range = Filler.trim(clause.range, in: message)
            guard !range.isEmpty else { continue }
            let probability = model.probabilities(clause.features)[label]
            if best.map({ $0.probability < probability }) ?? true { best = (range, probability) }
        }
        return best?.range
    }
}
