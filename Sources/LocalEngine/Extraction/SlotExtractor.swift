import SalesCore

/// Runs every scanner and cue rule over a message and keeps one value per slot, each a
/// token range of the message (so every value is a verbatim substring).
enum SlotExtractor {
    /// Words that mark money as a cost of the problem rather than a budget.
    static let lossWords: WordSet = [
        "lost", "lose", "losing", "cost", "costs", "costing", "fine", "fined", "overtime", "crossed", "revenue", "bill",
        "leakage", "waste", "wasted", "run", "missed", "penalty", "each",
    ]
    /// Words that make a bare number (`900 a month`) a budget.
    static let budgetWords: WordSet = ["budget", "budgeted", "pay", "paying", "spend", "afford", "max", "tops", "stay", "under", "set", "aside"]

    static func extract(_ message: MessageText) -> [Slot: Range<Int>] {
        guard message.count > 0 else { return [:] }
        var found: [Slot: Range<Int>] = [:]
        let contact = ContactScanner.contact(in: message)
        found[.contactName] = contact.name
        found[.contactRole] = contact.role
        found[.companyName] = contact.company
        let sizes = SizeScanner.sizes(in: message)
        found[.companySize] = sizes.company
        found[.teamSize] = sizes.team
        found[.budgetAmount] = budgetAmount(in: message)
        addVendors(in: message, to: &found)
        found[.industry] = IndustryScanner.industry(in: message, company: contact.company)
        addPeople(in: message, contact: contact, to: &found)
        addObjection(in: message, to: &found)
        for rule in CueLexicon.dealRules {
            for slot in rule.slots where found[slot] == nil {
                found[slot] = rule.firstSpan(in: message)
            }
        }
        addDiscovery(in: message, to: &found)
        if found[.currentSolution] == nil { found[.currentSolution] = CueLexicon.manualSolutions.firstSpan(in: message) }
        return found
    }

    private static func budgetAmount(in message: MessageText) -> Range<Int>? {
        for amount in MoneyScanner.amounts(in: message) {
            let sentence = message.sentence(at: amount.range.lowerBound) ?? amount.range
            let clause = message.clause(at: amount.range.lowerBound) ?? amount.range
            if message.contains(anyOf: lossWords, in: clause) { continue }
            if isApprovalThreshold(amount.range, sentence: sentence, in: message) { continue }
            if amount.isExplicit || message.contains(anyOf: budgetWords, in: sentence) { return amount.range }
        }
        return nil
    }

    /// Words before an amount that make it a threshold: `anything over $5k`.
    static let thresholdWords: WordSet = ["over", "above", "exceeding", "beyond", "more"]
    /// Approval words that make a threshold part of the decision process, not a budget.
    static let approvalWords: WordSet = ["approve", "approves", "approval", "approved", "sign", "signs", "sign-off", "signoff", "needs", "requires", "rfp"]

    /// `anything over $25k needs an RFP`, `must approve all software above 10.000 EUR`.
    static func isApprovalThreshold(_ amount: Range<Int>, sentence: Range<Int>, in message: MessageText) -> Bool {
        let lead = max(sentence.lowerBound, amount.lowerBound - 2)..<min(amount.upperBound, amount.lowerBound + 1)
        return message.contains(anyOf: thresholdWords, in: lead) && message.contains(anyOf: approvalWords, in: sentence)
    }

    private static func addVendors(in message: MessageText, to found: inout [Slot: Range<Int>]) {
        let vendors = VendorScanner.vendors(in: message)
        for vendor in vendors {
            if vendor.isCompetitor, found[.competitors] == nil { found[.competitors] = vendor.range }
            if vendor.isCurrent, found[.currentSolution] == nil {
                found[.currentSolution] = SolutionSpan.widen(vendor.range, in: message, vendors: vendors.map(\.range))
            }
        }
    }

    private static func addPeople(in message: MessageText, contact: ContactScanner.Contact, to found: inout [Slot: Range<Int>]) {
        for mention in PeopleMentions.mentions(in: message) {
            if let role = contact.role, role.overlaps(mention.range) { continue }
            if mention.decides, found[.decisionMaker] == nil {
                found[.decisionMaker] = mention.range
            } else if found[.stakeholders] == nil {
                found[.stakeholders] = mention.range
            }
        }
    }

    /// The earliest concern in the message; a budget concern also fills `budget_signal`.
    private static func addObjection(in message: MessageText, to found: inout [Slot: Range<Int>]) {
        var best: (range: Range<Int>, rule: CueRule)?
        for rule in CueLexicon.objectionRules {
            guard let range = rule.firstSpan(in: message) else { continue }
            if best == nil || range.lowerBound < best!.range.lowerBound { best = (range, rule) }
        }
        guard let best else { return }
        for slot in best.rule.slots where found[slot] == nil { found[slot] = best.range }
    }

    /// Discovery rules in priority order; a token claimed by one is not reused by the next.
    private static func addDiscovery(in message: MessageText, to found: inout [Slot: Range<Int>]) {
        var taken = Set<Int>()
        if let objection = found[.objection] { taken.formUnion(objection) }
        for rule in CueLexicon.discoveryRules {
            for slot in rule.slots where found[slot] == nil {
                guard let range = rule.firstSpan(in: message, excluding: taken) else { continue }
                found[slot] = range
                taken.formUnion(range)
                if slot == .urgencyDriver, found[.timeline] == nil {
                    found[.timeline] = TimelineScanner.buyingTimeline(in: message, excluding: urgencyTokens(range, in: message))
                }
            }
        }
        if found[.timeline] == nil { found[.timeline] = TimelineScanner.buyingTimeline(in: message) }
    }

    /// Tokens of an urgency clause that a timeline may not reuse (a `before ...` phrase may).
    private static func urgencyTokens(_ range: Range<Int>, in message: MessageText) -> Set<Int> {
        range.contains { message.lower($0) == "before" } ? [] : Set(range)
    }
}
