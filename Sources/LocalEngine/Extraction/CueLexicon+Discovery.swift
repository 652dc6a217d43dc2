import SalesCore

/// Cue phrases for discovery facts: pains, their cost, goals, urgency, use case, process
/// and criteria, and tools used today.
extension CueLexicon {
    static let painImpacts = CueRule([.painImpact], .clause, maxTokens: 12, [
        "lost", "lose", "losing", "cost us", "costs us", "costing us", "fined", "penalty", "overtime", "hours a week",
        "hours each", "a day each", "days a month", "days per", "takes me", "spend like", "spends", "spend", "eats",
        "premium goes up", "churn is", "of our annual revenue", "make-good", "wait", "carrying cost", "exposure",
        "crossed", "run like", "response time", "write-offs", "chargebacks", "hours a day", "a full day", "most of a day",
        "in lost", "in missed", "missed shipments", "we pay almost", "fine", "% a month", "per week", "a week",
    ])
    static let painPoints = CueRule([.painPoint], .clause, maxTokens: 12, [
        "nightmare", "killing us", "drowning", "manually", "by hand", "broke", "broken", "breaks", "breaking", "crash",
        "crashes", "chokes", "stale", "don't know", "dont know", "no idea", "double-booking", "double booking",
        "problem", "issue", "struggle", "struggling", "pain", "hates", "hate", "slow", "forever", "expensive", "pricey",
        "sliding", "dropping", "declining", "doubled", "exploding", "nonstop", "no-shows", "no shows", "mess", "messy",
        "chaos", "clunky", "frustrating", "annoying", "error-prone", "mistakes", "can't keep up", "cant keep up",
        "backlog", "overwhelmed", "losing track", "fall through", "ran out", "run out", "stockouts", "out of date",
        "outdated", "inconsistent", "never match", "don't match", "not showing up", "expired", "money on the table",
        "nobody knows", "doesn't work", "don't go out", "won't pass", "fails", "failing", "catches maybe", "only catches",
        "never get", "keeps breaking", "is a pain", "too long", "takes ages", "spread", "double brokering", "missed",
        "gets pricey", "ad hoc", "nothing continuous", "cant prove", "can't prove", "not real", "chasing", "calling drivers",
    ])
    static let desiredOutcomes = CueRule([.desiredOutcome], .fromCue, maxTokens: 10, [
        "cut", "cutting", "reduce", "reducing", "lower", "get back to", "getting back to", "goal is", "increase",
        "increasing", "improve", "improving", "boost", "so we can", "success looks like", "success would be",
        "real-time", "searchable", "white-label", "in half", "get no-shows", "want to get", "hoping to get", "aim to get",
    ])
    static let urgencyDrivers = CueRule([.urgencyDriver], .clause, maxTokens: 10, [
        "renews", "renewal is", "contract is up", "contract ends", "expires", "deadline", "audit", "certified",
        "certification", "for pci", "asking pointed questions", "kicks off", "starts in", "new cohort", "launching",
        "just won", "won a", "acquired", "funding", "new regulation", "mandate", "bfcm", "black friday", "peak season",
        "start of semester", "open enrollment", "carrier wants", "flagged", "enterprise deal", "board is asking",
    ])
    static let useCases = CueRule([.useCase], .afterCue, maxTokens: 10, [
        "looking for something to", "looking for a way to", "looking for a tool to", "looking for a tool for",
        "looking for software for", "looking for something for", "looking for", "help with", "help us with",
        "use it for", "using it for", "need a tool for", "need something for", "need help with", "for managing",
        "we need", "wants", "looking into", "look into", "looking at", "we're evaluating", "we are evaluating",
        "we'd like to", "we would like to", "need to implement", "replace our", "message about", "email about",
        "interested in", "shopping for", "in the market for",
    ])
    static let useCaseObjects = CueRule([.useCase], .fromCue, maxTokens: 10, ["something that", "something to"])
    static let decisionProcesses = CueRule([.decisionProcess], .fromCueToSentenceEnd, maxTokens: 20, [
        "anything over", "anything above", "security review", "security architecture review", "legal review",
        "needs an rfp", "rfp", "vendor questionnaire", "the vendor questionnaire", "bake-off", "board approval",
        "signs off on", "sign off on", "evaluating", "see it running", "talk to two", "approval process",
        "procurement process", "then a pilot", "pilot first", "goes to committee", "needs sign-off",
    ])
    static let decisionCriteria = CueRule([.decisionCriteria], .fromCue, maxTokens: 14, [
        "hard numbers", "proof", "accuracy", "pass rate", "total cost", "implementation time", "ease of use", "uptime",
        "has to plug into", "has to roster", "has to integrate", "needs to integrate", "must integrate", "sync both ways",
        "work with no", "can't have downtime", "cant have downtime", "we need dutch", "must-have", "must have",
        "compare on", "judge on", "care about", "cares about",
    ])
    /// Processes used today when no vendor is named: spreadsheets, paper, phones.
    static let manualSolutions = CueRule([.currentSolution], .clause, maxTokens: 8, [
        "spreadsheet", "spreadsheets", "excel", "google sheets", "paper", "clipboard", "clipboards", "whiteboard",
        "sticky notes", "binder", "word templates", "group text", "in-house", "homegrown", "home-grown", "just phones",
        "by phone", "pen and paper", "shared inbox", "email threads", "rules engine", "templates",
    ])
}

/// The cue rules in the order they claim message text.
enum CueLexicon {
    static let objectionRules: [CueRule] = [priceConcerns, authorityConcerns, timingConcerns, trustConcerns, competitorConcerns, needConcerns]
    static let dealRules: [CueRule] = [buyingSignals, nextSteps, meetingDays, budgetStatements]
    /// Discovery rules in priority order; each clause feeds at most one of them.
    static let discoveryRules: [CueRule] = [
        urgencyDrivers, painImpacts, desiredOutcomes, decisionProcesses, decisionCriteria, useCaseObjects, useCases,
        painPoints,
    ]
}
