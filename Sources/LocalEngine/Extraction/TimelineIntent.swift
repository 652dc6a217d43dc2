/// Decides whether a time expression says when the customer wants to decide, buy, start,
/// switch or go live (a `timeline`), rather than dating something else: a past event
/// (`an outage in July`), a budget period (`our spend this year`), or a busy season
/// described as now (`December is our peak`). Pure; scores one candidate in its clause.
enum TimelineIntent {
    /// Words that open a deadline or an earliest start: `by March`, `not before June`.
    static let boundaryWords: WordSet = [
        "by", "before", "until", "till", "til", "after", "from", "starting", "within", "no", "not", "nothing",
    ]
    /// Verbs and nouns of buying, starting and deciding.
    static let intentWords: WordSet = [
        "start", "starting", "begin", "live", "launch", "sign", "decide", "decision", "pick", "choose", "select", "buy",
        "purchase", "roll", "rollout", "implement", "onboard", "onboarding", "kick", "kickoff", "switch", "pilot", "trial",
        "deploy", "commit", "migrate", "go", "running", "revisit", "contact", "again", "look",
    ]
    /// Wanting and planning: weaker evidence on their own.
    static let desireWords: WordSet = [
        "want", "wants", "we'd", "i'd", "ideally", "hopefully", "realistically", "aim", "target", "plan", "hoping",
        "hope", "need", "needs", "must", "maybe", "probably",
    ]
    /// A date next to these is a next step's (`send it by Thursday`, `a demo next week`).
    static let nextStepWords: WordSet = [
        "send", "demo", "call", "meeting", "meet", "forward", "show", "invite", "chat", "ping", "email", "materials",
        "session", "agenda", "review",
    ]
    /// Past-tense markers: the date belongs to something that already happened.
    static let pastWords: WordSet = [
        "last", "ago", "had", "was", "were", "did", "happened", "came", "went", "since", "cost", "lost", "caught",
        "generated", "started", "just", "once", "every", "ran", "twice",
    ]
    /// Budget-period words: `this year` next to them dates money, not a purchase.
    static let budgetWords: WordSet = [
        "budget", "budgets", "budget's", "fund", "funding", "spend", "spending", "spent", "allocated", "opex", "capex",
        "capital", "tooling", "grand", "bill", "plan", "line",
    ]
    /// Relative periods that date budgets and events as often as purchases.
    static let periodWords: WordSet = ["year", "yr", "month", "week", "wk", "quarter"]

    /// True when `range` (a time expression) is a buying timeline.
    static func isTimeline(_ range: Range<Int>, in message: MessageText) -> Bool {
        score(range, in: message) >= 2
    }

    /// Evidence for a buying timeline: a boundary word and intent words count for it, a
    /// past or budget clause and a `now is December` framing against it.
    static func score(_ range: Range<Int>, in message: MessageText) -> Int {
        let clause = message.clause(at: range.lowerBound) ?? range
        let before = clause.lowerBound..<range.lowerBound
        let first = message.lower(range.lowerBound)
        let boundary = boundaryWords.contains(first) || (range.lowerBound > 0 && ["not", "no", "nothing"].contains(message.lower(range.lowerBound - 1)))
        var score = 0
        if boundary { score += 2 }
        let words = before.lowerBound..<range.upperBound
        if message.contains(anyOf: intentWords, in: words) { score += 2 }
        if message.contains(anyOf: desireWords, in: clause) { score += 1 }
        if message.contains(anyOf: nextStepWords, in: clause) { score -= 2 }
        if message.contains(anyOf: pastWords, in: clause) { score -= 3 }
        if isCurrentPeriod(range, in: message) { score -= 4 }
        let relative = range.contains { periodWords.contains(message.tokens[$0]) }
        if relative, !["until", "till", "til", "from", "after", "by"].contains(first), message.contains(anyOf: budgetWords, in: clause) {
            score -= 4
        }
        return score
    }

    /// `now is December`, `December is our peak`, `Tết is in 3 weeks`: the period is described, not planned.
    private static func isCurrentPeriod(_ range: Range<Int>, in message: MessageText) -> Bool {
        let previous = range.lowerBound > 0 ? message.lower(range.lowerBound - 1) : ""
        let next = range.upperBound < message.count ? message.lower(range.upperBound) : ""
        return ["is", "it's", "its", "'s"].contains(previous) || ["is", "was", "are"].contains(next)
    }
}
