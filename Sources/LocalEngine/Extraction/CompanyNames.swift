/// Finds the customer's company: `at Globex`, `from Acme Corp`, `Harbor & Lane Realty`.
enum CompanyNames {
    static let leads = PhraseSet(["at", "from", "here at", "over at", "i'm with", "i am with", "work for", "i work for", "on behalf of", "with"])
    /// Last words that mark a capitalized run as a company even without a lead word.
    static let suffixes: WordSet = [
        "inc", "llc", "ltd", "corp", "co", "corporation", "company", "group", "realty", "agency", "insurance", "media",
        "health", "healthcare", "hotels", "homes", "dental", "studio", "studios", "creative", "freight", "district",
        "university", "college", "schools", "school", "pay", "mutual", "labs", "systems", "solutions", "partners",
        "capital", "bank", "logistics", "foods", "telecom", "holdings", "industries", "manufacturing", "clinic",
        "hospital", "associates", "law", "legal", "consulting", "ventures", "network", "networks", "motors",
        "construction", "builders", "farms", "winery", "brewing", "coffee", "academy", "institute", "foundation",
        "church", "museum", "transport", "trucking", "electric", "energy", "medical", "pharmacy", "technologies", "tech",
        "software", "analytics", "therapy", "vet", "veterinary", "properties", "restaurants", "kitchen", "apparel",
    ]
    /// Capitalized words that never start a company name.
    static let notCompany: WordSet = ContactScanner.notNames.union([
        "series", "q1", "q2", "q3", "q4", "ceo", "cto", "cfo", "coo", "cio", "ciso", "vp", "head", "director", "manager",
        "it", "hr", "ops", "saas", "b2b", "b2c", "pm", "am", "est", "pst",
    ])

    /// The company named in `message`, if any.
    static func company(in message: MessageText) -> Range<Int>? {
        for match in leads.matches(in: message) {
            var start = match.range.upperBound
            if start < message.count, message.lower(start) == "the", start + 1 < message.count, message.tokens[start + 1].isCapitalized { start += 1 }
            guard let run = capitalizedRun(in: message, at: start) else { continue }
            let isWith = message.lower(match.range.lowerBound) == "with" && match.range.count == 1
            if isWith, !suffixes.contains(message.tokens[run.upperBound - 1]) { continue }
            if VendorLexicon.phrases.match(in: message, at: run.lowerBound) != nil { continue }
            return run
        }
        var index = 0
        while index < message.count {
            if let run = capitalizedRun(in: message, at: index) {
                if run.count >= 2, suffixes.contains(message.tokens[run.upperBound - 1]) { return run }
                index = run.upperBound
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Capitalized words, joined by `&`, `of`, `and` or numbers: `Harbor & Lane Realty`, `Channel 9 Media Group`.
    private static func capitalizedRun(in message: MessageText, at index: Int) -> Range<Int>? {
        guard index < message.count, isCompanyWord(message.tokens[index]), !notCompany.contains(message.tokens[index]) else { return nil }
        var end = index + 1
        while end < message.count, end - index < 6 {
            let token = message.tokens[end]
            if isCompanyWord(token), !WordLists.pronounsAndFunctionWords.contains(token) {
                end += 1
            } else if ["&", "of", "and", "+"].contains(token.lower) || token.isNumber, end + 1 < message.count,
                isCompanyWord(message.tokens[end + 1]), !WordLists.pronounsAndFunctionWords.contains(message.tokens[end + 1])
            {
                end += 2
            } else {
                break
            }
        }
        return index..<end
    }

    private static func isCompanyWord(_ token: Token) -> Bool {
        token.isWord && token.isCapitalized && !WordLists.months.contains(token) && !WordLists.weekdays.contains(token)
    }
}
