import SalesCore

/// Cue phrases for concerns. A budget concern fills both `objection` and `budget_signal`
/// (SPEC §5.1); `objection` is filled only when a concern is stated.
extension CueLexicon {
    static let priceConcerns = CueRule([.objection, .budgetSignal], .clause, [
        "too much", "too expensive", "too pricey", "way too pricey", "too steep", "steep", "pricey", "expensive",
        "more than we planned", "more than we budgeted", "more than we", "over our budget", "over budget",
        "out of our budget", "out of budget", "can't afford", "cant afford", "cannot afford", "budget freeze",
        "double what", "twice what", "hidden fees", "not in the budget", "no budget", "money is tight",
        "budget is tight", "budgets are tight", "is tight", "more than just hiring", "costs more than",
        "hoping to stay under", "we've got under", "we only have", "all we have", "that's a lot", "thats a lot",
        "a lot of money", "out of range", "out of our range", "can't justify", "cant justify", "hard to justify",
        "not worth", "too high", "a bit high", "kinda high", "on the high side", "break the bank", "over our limit",
    ])
    static let authorityConcerns = CueRule([.objection], .clause, [
        "run it by", "run this by", "to approve", "approve it", "approve any", "approve anything", "needs sign-off",
        "need sign-off", "can't sign", "cant sign", "can't approve", "cant approve", "not my call", "not my decision",
        "has to go to", "needs a yes", "has to ok", "have to ok", "he'd have to", "she'd have to", "they'd have to",
        "need to check with", "check with my", "check with our", "talk to my boss", "get buy-in", "needs approval",
        "need approval", "board approval", "has to approve", "have to approve", "needs to approve", "need to approve",
        "not up to me", "isn't up to me", "above my pay grade", "can't decide", "cant decide", "my boss decides",
        "sign it myself", "on my own",
    ])
    static let timingConcerns = CueRule([.objection], .clause, [
        "out until", "not until", "bad time", "busy right now", "crazy right now", "slammed", "swamped", "hectic",
        "in court", "on vacation", "on leave", "out of office", "not switching", "season right now", "closing year-end",
        "not a good time", "no bandwidth", "don't have the bandwidth", "right before", "in the middle of", "too soon",
        "not this quarter", "not this year", "revisit in", "circle back in", "maybe next year", "after the busy season",
        "can't think about", "cant think about", "nothing moves", "won't be back", "back until",
    ])
    static let needConcerns = CueRule([.objection], .clause, [
        "not sure we need", "don't need", "dont need", "do not need", "no need", "is fine for us", "prob fine",
        "probably fine", "happy with", "not interested", "i'll live", "does the same thing", "we're good", "we're fine",
        "don't see the need", "not a priority", "overkill", "could probably just", "we already have", "already have",
        "not a big deal", "not sure a", "not convinced", "we don't have that problem", "works fine", "does that for us",
        "for free", "not for us", "don't really need", "dont really need", "another tool", "another app",
    ])
    static let trustConcerns = CueRule([.objection], .clause, [
        "burned", "never heard of", "how do i know", "how do we know", "leaked", "leaking", "leak", "incident",
        "breach", "every vendor says", "everyone says", "promise", "not comfortable", "won't happen again",
        "wont happen again", "data is safe", "is it safe", "trust", "sketchy", "scam", "skeptical", "track record",
        "too good to be true", "never show up", "had an issue with", "bad experience", "hear that a lot", "prove it",
        "sounds like marketing", "who else uses", "not sure about security", "third party",
    ])
    static let competitorConcerns = CueRule([.objection], .clause, [
        "does the same", "does exactly that", "bundled", "included in", "comes with", "rep says", "rep claims",
        "rep told", "claims their", "says their", "throw in", "same savings", "does all that", "does all this",
        "offers the same", "already like", "match that", "beat that", "better deal", "cheaper at scale", "hides the cost",
    ])
}
