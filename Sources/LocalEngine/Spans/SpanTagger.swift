import SalesCore

/// Picks, for each clause-level slot, the clause the span model likes best for it.
struct SpanTagger: Sendable {
    let model: SpanModel
    /// A clause fills a slot when the model gives that slot at least this probability.
    var threshold = 0.3

    /// One clause of a message as the model sees it: its range trimmed of filler (never
    /// empty) and the model's probability of each label.
    struct ScoredClause: Sendable {
        var range: Range<Int>
        var probabilities: [Double]
    }

    /// Every clause with words, scored once for `tag` and `bestClause` both.
    func score(_ message: MessageText) -> [ScoredClause] {
        SpanFeatures.clauses(of: message).compactMap { clause in
            let range = Filler.trim(clause.range, in: message)
            return range.isEmpty ? nil : ScoredClause(range: range, probabilities: model.probabilities(clause.features))
        }
    }

    /// Slot → clause (trimmed of filler) for every slot some clause is most likely to fill.
    func tag(_ clauses: [ScoredClause]) -> [Slot: Range<Int>] {
        var best: [Slot: (range: Range<Int>, probability: Double)] = [:]
        for clause in clauses {
            let probabilities = clause.probabilities
            for label in probabilities.indices.dropFirst() where probabilities[label] >= threshold {
                guard let slot = Slot(rawValue: model.labels[label]) else { continue }
                if best[slot].map({ $0.probability < probabilities[label] }) ?? true { best[slot] = (clause.range, probabilities[label]) }
            }
        }
        return best.mapValues(\.range)
    }

    /// The clause most likely to fill `slot`, however unlikely: a message of a kind that
    /// always fills it (an objection states its concern) gets its best guess.
    func bestClause(for slot: Slot, in clauses: [ScoredClause]) -> Range<Int>? {
        guard let label = model.labels.firstIndex(of: slot.rawValue) else { return nil }
        var best: (range: Range<Int>, probability: Double)?
        for clause in clauses where best.map({ $0.probability < clause.probabilities[label] }) ?? true {
            best = (clause.range, clause.probabilities[label])
        }
        return best?.range
    }
}
