import SalesCore

/// Hand-made features of the message itself: shape, cue lexicons and the slots it fills.
enum CueFeatures {
    static let questionStarts: WordSet = [
        "what", "what's", "whats", "how", "why", "when", "where", "who", "which", "do", "does", "can", "could", "is",
        "are", "will", "would", "should", "did", "any", "have", "has",
    ]
    static let greetings = PhraseSet(["hi", "hey", "hello", "yo", "hiya", "howdy", "good morning", "good afternoon", "good evening", "greetings", "hola", "morning"])
    static let farewells = PhraseSet(["bye", "goodbye", "talk soon", "see you", "cheers", "take care", "have a good", "have a great", "later", "ttyl", "cya", "gracias", "dank je", "merci"])
    static let thanks = PhraseSet(["thanks", "thank you", "thx", "ty", "appreciate it", "much appreciated"])
    static let confusionCues = PhraseSet(["confused", "what do you mean", "what does", "mean", "i don't understand", "don't get", "lost me", "wait so", "not sure what", "what is this", "huh", "don't remember", "which one", "or what", "the same as"])
    static let complaintCues = PhraseSet(["again", "second time", "three times", "3 times", "still waiting", "nobody", "no one", "broke", "broken", "unacceptable", "ridiculous", "annoyed", "frustrated", "spam", "emails", "charged", "doesn't exist", "not working", "why did", "one more miss", "keeps"])
    static let stallCues = PhraseSet(["let me think", "think about it", "think on it", "get back to you", "i'll let you know", "maybe later", "not sure yet", "need some time", "circle back", "touch base", "let me check", "sit on it", "mull it over", "we'll see", "i'll see"])
    static let pricingCues = PhraseSet(["price", "pricing", "cost", "costs", "how much", "priced", "quote", "plans", "discount", "per seat", "per user", "ballpark", "billing", "pay"])

    static func add(message: MessageText, slots: [Slot: Range<Int>], to features: inout Set<String>) {
        let count = message.count
        features.insert(count == 0 ? "h:len0" : count <= 2 ? "h:len<=2" : count <= 5 ? "h:len<=5" : count <= 12 ? "h:len<=12" : count <= 25 ? "h:len<=25" : "h:len>25")
        if message.tokens.contains(where: { $0.lower == "?" }) { features.insert("h:question-mark") }
        if let first = message.tokens.first(where: \.isWord), questionStarts.contains(first) { features.insert("h:question-start") }
        for (name, set) in [("greeting", greetings), ("farewell", farewells), ("thanks", thanks), ("confusion", confusionCues), ("complaint", complaintCues), ("stall", stallCues), ("pricing", pricingCues)]
        where set.occurs(in: message) {
            features.insert("h:" + name)
        }
        if count > 0, greetings.match(in: message, at: 0) != nil { features.insert("h:opens-with-greeting") }
        for (name, rule) in zip(["price", "authority", "timing", "trust", "competitor", "need"], CueLexicon.objectionRules)
        where rule.cues.occurs(in: message) {
            features.insert("h:concern-" + name)
        }
        if !MoneyScanner.amounts(in: message).filter(\.isExplicit).isEmpty { features.insert("h:money") }
        if !VendorLexicon.mentions(in: message).isEmpty { features.insert("h:vendor") }
        for slot in slots.keys { features.insert("h:slot-" + slot.rawValue) }
        if slots.count >= 3 { features.insert("h:slots>=3") }
        // SPEC §5.1: an introduction without a need is a greeting, with one it is discovery.
        // A linear model cannot form that conjunction from the slot features alone.
        let introduces = slots.keys.contains { introSlots.contains($0) }
        let statesNeed = slots.keys.contains { needSlots.contains($0) }
        if introduces { features.insert(statesNeed ? "h:intro+need" : "h:intro-only") }
    }

    private static let introSlots: Set<Slot> = [.contactName, .contactRole, .companyName, .companySize, .industry, .teamSize]
    private static let needSlots: Set<Slot> = [.painPoint, .painImpact, .useCase, .currentSolution, .desiredOutcome, .urgencyDriver, .timeline, .budgetAmount]
}
