import SalesCore

/// A slot filled by cue phrases: where a cue occurs, a span around it becomes the value.
struct CueRule: Sendable {
    /// Which tokens around a cue make the value.
    enum Extent: Sendable {
        /// The cue itself.
        case cue
        /// The clause holding the cue.
        case clause
        /// From the cue to the end of its clause.
        case fromCue
        /// From the cue to the end of its sentence (lists with commas, e.g. a process).
        case fromCueToSentenceEnd
        /// The sentence holding the cue.
        case sentence
        /// From just after the cue to the end of its clause.
        case afterCue
        /// From the start of the clause up to the cue, excluded.
        case beforeCue
        /// From the start of the clause through the cue.
        case throughCue
    }

    var slots: [Slot]
    var cues: PhraseSet
    var extent: Extent
    var maxTokens: Int

    init(_ slots: [Slot], _ extent: Extent, maxTokens: Int = 14, _ cues: [String]) {
        self.slots = slots
        self.cues = PhraseSet(cues)
        self.extent = extent
        self.maxTokens = maxTokens
    }

    /// The first value this rule finds in `message`, as a token range.
    func firstSpan(in message: MessageText, excluding taken: Set<Int> = []) -> Range<Int>? {
        for match in cues.matches(in: message) {
            guard let raw = span(for: match.range, in: message) else { continue }
            let trimmed = Filler.trim(raw, in: message)
            guard !trimmed.isEmpty, !trimmed.contains(where: taken.contains) else { continue }
            return trimmed.lowerBound..<min(trimmed.upperBound, trimmed.lowerBound + maxTokens)
        }
        return nil
    }

    private func span(for cue: Range<Int>, in message: MessageText) -> Range<Int>? {
        let clause = message.clause(at: cue.lowerBound) ?? cue
        let lastClause = message.clause(at: cue.upperBound - 1) ?? clause
        let clauseEnd = max(lastClause.upperBound, cue.upperBound)
        switch extent {
        case .cue: return cue
        case .clause: return clause.lowerBound..<clauseEnd
        case .fromCue: return cue.lowerBound..<clauseEnd
        case .fromCueToSentenceEnd:
            let sentence = message.sentence(at: cue.lowerBound) ?? clause
            return cue.lowerBound..<max(sentence.upperBound, cue.upperBound)
        case .sentence: return message.sentence(at: cue.lowerBound) ?? clause
        case .afterCue: return cue.upperBound < clauseEnd ? cue.upperBound..<clauseEnd : nil
        case .beforeCue: return clause.lowerBound < cue.lowerBound ? clause.lowerBound..<cue.lowerBound : nil
        case .throughCue: return clause.lowerBound..<cue.upperBound
        }
    }
}
