import SalesCore

/// Cue phrases for buying signals, next steps and budget statements.
extension CueLexicon {
    static let buyingSignals = CueRule([.buyingSignal], .clause, maxTokens: 10, [
        "let's do it", "let's get moving", "let's go", "let's move forward", "let's pilot", "let's aim to",
        "let's start", "let's try", "let's do that", "let's book", "let's set it up", "that works", "that could work",
        "could work", "we can do a demo", "can we do a demo", "can we start", "i'll sign", "ready to sign",
        "ready to move", "how fast can we", "how soon can we", "go live", "who do i talk to", "i think we want",
        "we want to try", "want to try", "i'll put it on the agenda", "i'll loop in", "i'll bring", "approved a trial",
        "now we're talking", "different conversation", "way better", "could you show me", "yes do that",
        "send the contract", "where do i sign", "sign up", "get started", "count us in", "i'd like to see",
        "would love to see", "interested in a demo", "would be ideal", "we'd want to be live", "sounds good",
        "sounds great", "i'm in", "we're in", "let's set up", "set up a trial", "move ahead", "go ahead with",
        "ready to go", "let's talk next steps", "next steps", "send me the contract", "onboarding", "start date",
        "we'd like to", "we want to move", "i want to move", "love to try", "how do we get started", "sign this week",
    ])
    static let nextSteps = CueRule([.nextStep], .fromCue, maxTokens: 12, [
        "send", "set up", "book", "schedule", "check back", "put it in writing", "i'll export", "i'll forward",
        "i'll set up", "read the", "trial it", "start monday", "have her", "have him", "have them", "a demo", "a call",
        "a pilot", "a trial", "a poc", "circle back", "follow up", "touch base", "call me", "email me", "calendar hold",
        "the invite", "loop back", "try the", "pilot at", "show me", "let's talk", "talk next", "hop on", "jump on",
        "intro", "introduce", "i'll review", "i'll share", "i'll check", "i'll talk",
    ])
    /// A day on its own as the answer to "when works?": `thursday afternoon`, `Wednesday works`.
    static let meetingDays = CueRule([.nextStep], .clause, maxTokens: 6, [
        "monday", "tuesday", "wednesday", "thursday", "friday", "thurs", "tues", "next monday", "next tuesday",
        "next week", "tomorrow", "the 16th", "mornings", "afternoon",
    ])
    static let budgetStatements = CueRule([.budgetSignal], .clause, maxTokens: 12, [
        "budget's there", "budget is there", "budget approved", "we have budget", "have the budget", "within range",
        "in range", "within budget", "that's fine", "thats fine", "that's reasonable", "reasonable", "seems fine",
        "less than i thought", "cheaper than", "that's fair", "affordable", "we can afford", "grant money",
        "set aside", "allocated", "earmarked", "budgeted", "we've got under", "for tooling", "doable", "not bad",
        "in the ballpark", "within our", "fits our budget", "fits the budget",
    ])
}
