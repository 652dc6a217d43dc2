/// Finds when the customer wants to decide or start: `by Q3`, `end of next month`,
/// `after the holidays`, `before our March renewal`, `mid-October`, `in 4-5 months`.
enum TimelineScanner {
    /// Words that anchor a time expression on their own.
    static let anchors = PhraseSet([
        "the holidays", "holidays", "christmas", "thanksgiving", "new year", "new year's", "memorial day", "labor day",
        "black friday", "year-end", "year end", "end of year", "end of the year", "end of quarter", "end of the quarter",
        "end of month", "end of the month", "eoy", "eoq", "asap", "fiscal year", "next year", "this year", "next quarter",
        "this quarter", "next month", "this month", "next week", "this week", "next spring", "next summer", "next fall",
        "next winter", "the summer", "the fall", "the spring", "the new year", "first half", "second half",
        "the new fiscal year", "harvest", "budget season", "planning", "renewal", "back to school", "the semester",
        "next semester", "next school year", "the school year", "next wk", "this wk", "next yr", "this yr",
        "the 1st", "the first of the month", "month-end", "quarter-end", "year-end", "next week's",
    ])
    /// Words that may precede an anchor inside the expression.
    static let leftWords: WordSet = [
        "by", "in", "before", "after", "until", "til", "till", "from", "starting", "around", "mid", "early", "late",
        "within", "during", "end", "of", "the", "our", "next", "this", "at", "least", "sometime", "beginning", "start",
        "new", "over", "first", "half", "not", "realistically", "probably", "ideally", "hopefully",
    ]
    /// Prepositions an expression may start with; plain anchors like `renewal` need one.
    static let prepositions: WordSet = ["by", "in", "before", "after", "until", "til", "till", "within", "from", "starting", "around", "during", "over"]
    /// Nouns that complete an anchor on its right (`June renewal`, `Q4 planning`).
    static let rightNouns: WordSet = ["renewal", "planning", "deadline", "launch", "kickoff", "audit", "season", "break"]
    static let durationUnits: WordSet = ["weeks", "months", "days", "quarters", "years", "week", "month", "day", "wks", "wk", "mos", "yrs"]

    /// The first time expression in `message`, skipping tokens in `taken`.
    static func firstTimeline(in message: MessageText, excluding taken: Set<Int> = []) -> Range<Int>? {
        expressions(in: message, excluding: taken).first
    }

    /// The time expression that says when the customer wants to buy, start or decide
    /// (`TimelineIntent`), preferring the best-supported one; nil when none does.
    static func buyingTimeline(in message: MessageText, excluding taken: Set<Int> = []) -> Range<Int>? {
        var best: (range: Range<Int>, score: Int)?
        for expression in expressions(in: message, excluding: taken) {
            let range = trimmedVerb(expression, in: message)
            let score = TimelineIntent.score(range, in: message)
            if score >= 2, score > (best?.score ?? Int.min) { best = (range, score) }
        }
        return best?.range
    }

    /// `start next monday`, `new until after the holidays`: a verb or adjective the
    /// expansion took in front of a preposition or `next`/`this` is not part of the time.
    private static func trimmedVerb(_ range: Range<Int>, in message: MessageText) -> Range<Int> {
        var start = range.lowerBound
        while start + 1 < range.upperBound, ["start", "new", "over", "at", "the"].contains(message.lower(start)),
            prepositions.contains(message.tokens[start + 1]) || ["next", "this"].contains(message.lower(start + 1))
        {
            start += 1
        }
        return start..<range.upperBound
    }

    /// Every time expression in `message`, left to right, skipping tokens in `taken`.
    static func expressions(in message: MessageText, excluding taken: Set<Int> = []) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < message.count {
            if let anchor = anchor(in: message, at: index), !anchor.contains(where: taken.contains) {
                let range = expand(anchor, in: message)
                if isAcceptable(range, anchor: anchor, in: message) { found.append(range) }
                index = anchor.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private static func anchor(in message: MessageText, at index: Int) -> Range<Int>? {
        let token = message.tokens[index]
        if WordLists.isMonth(token) || WordLists.quarters.contains(token) || WordLists.seasons.contains(token) {
            var end = index + 1
            if end < message.count, message.tokens[end].isNumber, message.lower(end).count <= 4 { end += 1 }
            return index..<end
        }
        if WordLists.weekdays.contains(token), !["today", "tonight"].contains(token.lower) { return index..<(index + 1) }
        if token.lower.hasPrefix("mid-") || token.lower.hasPrefix("early-") || token.lower.hasPrefix("late-") {
            let rest = token.lower.split(separator: "-", maxSplits: 1).last.map(String.init) ?? ""
            if WordLists.months.contains(rest) || WordLists.seasons.contains(rest) || WordLists.quarters.contains(rest) { return index..<(index + 1) }
        }
        if token.isNumber, index + 1 < message.count, durationUnits.contains(message.tokens[index + 1]),
            index > 0, ["in", "within", "next", "that's", "about", "around", "like", "another"].contains(message.lower(index - 1))
        {
            return index..<(index + 2)
        }
        return anchors.match(in: message, at: index)?.range
    }

    private static func expand(_ anchor: Range<Int>, in message: MessageText) -> Range<Int> {
        var start = anchor.lowerBound
        while start > 0, anchor.lowerBound - start < 5, leftWords.contains(message.tokens[start - 1]) { start -= 1 }
        while start < anchor.lowerBound, ["not", "of", "realistically"].contains(message.lower(start)) { start += 1 }
        var end = anchor.upperBound
        if end < message.count, rightNouns.contains(message.tokens[end]) { end += 1 }
        if end < message.count, ["starts", "start", "begins", "kicks"].contains(message.lower(end)) {
            var cursor = end + 1
            if cursor < message.count, message.lower(cursor) == "off" { cursor += 1 }
            if cursor + 1 < message.count, message.lower(cursor) == "in", self.anchor(in: message, at: cursor + 1) != nil {
                end = cursor + 2
            }
        }
        return start..<end
    }

    /// Plain-word anchors (`renewal`, `planning`, `harvest`) need a preposition before them.
    private static func isAcceptable(_ range: Range<Int>, anchor: Range<Int>, in message: MessageText) -> Bool {
        let first = message.lower(anchor.lowerBound)
        let needsPreposition = ["renewal", "planning", "harvest", "holidays"].contains(first)
            || (anchor.count == 1 && first == "the")
        if needsPreposition { return range.contains { prepositions.contains(message.tokens[$0]) } }
        return true
    }
}
