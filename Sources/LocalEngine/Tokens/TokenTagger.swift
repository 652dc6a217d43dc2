import SalesCore

/// Finds slot values word by word: the token model gives every word a probability for each
/// slot, and a slot's value is the run of words most confidently tagged with it.
struct TokenTagger: Sendable {
    let model: SpanModel
    /// A word belongs to its most likely slot when that slot has at least this probability.
    var threshold = 0.2

    /// Slot → the best run of words tagged with it (punctuation inside a run is kept).
    func tag(_ message: MessageText, rules: [Slot: Range<Int>]) -> [Slot: Range<Int>] {
        let features = TokenFeatures.features(of: message, rules: rules)
        let tags: [(label: Int, probability: Double)?] = features.map { active in
            guard !active.isEmpty else { return nil }
            let probabilities = model.probabilities(active)
            guard let label = probabilities.indices.dropFirst().max(by: { probabilities[$0] < probabilities[$1] }),
                probabilities[label] >= threshold
            else { return (0, probabilities[0]) }
            return (label, probabilities[label])
        }
        var best: [Slot: (range: Range<Int>, score: Double)] = [:]
        var index = 0
        while index < tags.count {
            guard let tag = tags[index], tag.label != 0 else {
                index += 1
                continue
            }
            var last = index
            var score = tag.probability
            var next = index + 1
            while next < tags.count {
                if let following = tags[next] {
                    guard following.label == tag.label else { break }
                    score += following.probability
                    last = next
                } else if Self.endsRun(message.tokens[next]) {
                    break
                }
                next += 1
            }
            if let slot = Slot(rawValue: model.labels[tag.label]), best[slot].map({ $0.score < score }) ?? true {
                best[slot] = (index..<(last + 1), score)
            }
            index = last + 1
        }
        return best.mapValues(\.range)
    }

    /// Punctuation a value does not run across: the end of a sentence.
    private static func endsRun(_ token: Token) -> Bool {
        [".", "!", "?", ";", ":", "\n"].contains(token.lower)
    }
}
