/// Finds vendors: lexicon names and capitalized names after `we use`, `switched from`,
/// `X's rep says`; decides whether each is used today, a competitor, or both.
enum VendorScanner {
    /// One vendor named in a message.
    struct Vendor: Sendable {
        var range: Range<Int>
        var isCurrent: Bool
        var isCompetitor: Bool
    }

    static let useLeads = PhraseSet([
        "we use", "we're using", "we are using", "using", "we still use", "we run", "we already run", "we're on",
        "we are on", "currently use", "currently on", "we have", "we've got", "we pay", "we're happy with",
        "happy with", "stuck with", "we use", "use", "on", "run", "via",
    ])
    static let pastLeads = PhraseSet(["tried", "we tried", "switched from", "moved off", "moved from", "ditched", "dropped", "left", "used to use", "got rid of", "churned from"])
    static let evaluationLeads = PhraseSet(["looking at", "evaluating", "comparing", "considering", "talking to", "demo'd", "quote from", "vs", "versus", "or", "and"])
    /// Words just before a name that make it something we integrate with, not a vendor in play.
    static let integrationWords: WordSet = [
        "integrate", "integrates", "integration", "sync", "syncs", "syncing", "plug", "plugs", "connect", "connects",
        "into", "work", "works", "support", "compatible", "from", "roster", "export", "import", "pull", "push", "read",
    ]
    static let claimWords: WordSet = ["says", "claims", "rep", "'s", "does", "offers", "told", "throws", "includes"]

    static func vendors(in message: MessageText) -> [Vendor] {
        var ranges = VendorLexicon.mentions(in: message)
        for match in useLeads.matches(in: message) + pastLeads.matches(in: message) {
            if let name = capitalizedName(in: message, at: match.range.upperBound), !ranges.contains(where: { $0.overlaps(name) }) {
                ranges.append(name)
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        return ranges.compactMap { classify($0, in: message) }
    }

    private static func classify(_ range: Range<Int>, in message: MessageText) -> Vendor? {
        let before = max(0, range.lowerBound - 3)..<range.lowerBound
        let clause = message.clause(at: range.lowerBound) ?? range
        let lead = clause.lowerBound..<range.lowerBound
        if pastLeads.occurs(in: message, within: lead) { return Vendor(range: range, isCurrent: false, isCompetitor: true) }
        if message.contains(anyOf: integrationWords, in: before), !useLeads.occurs(in: message, within: before) { return nil }
        let after = range.upperBound..<min(message.count, range.upperBound + 3)
        if message.contains(anyOf: claimWords, in: after) || CueLexicon.competitorConcerns.cues.occurs(in: message, within: clause) {
            return Vendor(range: range, isCurrent: false, isCompetitor: true)
        }
        if evaluationLeads.occurs(in: message, within: before), !useLeads.occurs(in: message, within: lead) {
            return Vendor(range: range, isCurrent: false, isCompetitor: true)
        }
        let keeps = PhraseSet.keepCues.occurs(in: message, within: message.sentence(at: range.lowerBound) ?? clause)
        return Vendor(range: range, isCurrent: true, isCompetitor: !keeps && !VendorLexicon.isPlatform(range, in: message))
    }

    /// A capitalized product name right after a lead: `Calendly`, `Follow Up Boss`.
    private static func capitalizedName(in message: MessageText, at index: Int) -> Range<Int>? {
        guard index < message.count, ContactScanner.isNameWord(message.tokens[index]) || isProductWord(message.tokens[index]) else { return nil }
        guard !CompanyNames.notCompany.contains(message.tokens[index]), !isBareAcronym(at: index, in: message) else { return nil }
        var end = index + 1
        while end < message.count, end - index < 3, message.tokens[end].isCapitalized, message.tokens[end].isWord,
            !WordLists.pronounsAndFunctionWords.contains(message.tokens[end])
        {
            end += 1
        }
        return index..<end
    }

    /// `OT`, `CAPA`, `RFID`, `USD`: a short all-capitals word outside the lexicon is a term, not a product.
    static func isBareAcronym(at index: Int, in message: MessageText) -> Bool {
        let text = message.span(index..<(index + 1))
        return text.count <= 4 && text == text.uppercased() && !VendorLexicon.isVendorWord(message.lower(index))
    }

    /// CamelCase or digit-bearing names: `BuilderTrend`, `Commerce7`.
    private static func isProductWord(_ token: Token) -> Bool {
        token.isWord && token.isCapitalized && !WordLists.months.contains(token)
    }
}

extension PhraseSet {
    /// "We'd keep it": the tool stays, so it is not a competitor.
    static let keepCues = PhraseSet(["keep it", "we'd keep", "keep using", "on top of", "stay on", "alongside"])
}
