/// Finds the customer's own name, title and company: `I'm Priya, head of support at
/// Tallyworks`, `this is John`, `Rachel here, VP Eng`, `from Acme Corp`.
enum ContactScanner {
    /// What a message says about the person writing it.
    struct Contact: Sendable {
        var name: Range<Int>?
        var role: Range<Int>?
        var company: Range<Int>?
    }

    static let nameLeads = PhraseSet(["i'm", "i am", "im", "this is", "my name is", "name's", "call me"])
    static let selfLeads = PhraseSet(["i'm", "i am", "im", "i work as", "i'm the", "i am the", "i'm a", "i'm an", "as the", "as a", "my role is", "my title is", "i'm currently"])
    static let selfVerbs = PhraseSet(["i own", "i run", "i manage", "i lead", "i head up", "i oversee", "i handle"])
    static let companyLeads = PhraseSet(["at", "from", "here at", "with", "i'm with", "work for", "i work for", "we're", "we are", "over at"])
    /// Capitalized words that are never part of a person's or company's name.
    static let notNames: WordSet = WordLists.pronounsAndFunctionWords.union([
        "looking", "interested", "reaching", "wondering", "trying", "here", "new", "not", "the", "just", "curious",
        "confused", "happy", "fine", "busy", "ready", "back", "still", "also", "really", "actually", "going", "glad",
        "general", "process",
    ])

    static func contact(in message: MessageText) -> Contact {
        var contact = Contact()
        contact.name = name(in: message)
        contact.role = role(in: message, after: contact.name)
        contact.company = CompanyNames.company(in: message)
        return contact
    }

    private static func name(in message: MessageText) -> Range<Int>? {
        for match in nameLeads.matches(in: message) {
            if let name = personName(in: message, at: match.range.upperBound) { return name }
        }
        // "Rachel here", "Rachel from Acme"
        for index in 0..<message.count where index + 1 < message.count && message.lower(index + 1) == "here" {
            if message.clause(at: index)?.lowerBound == index, let name = personName(in: message, at: index), name.upperBound == index + 1 {
                return name
            }
        }
        return NameLeads.name(in: message)
    }

    /// A capitalized first name, optionally `Dr.` before and a capitalized surname after.
    static func personName(in message: MessageText, at index: Int) -> Range<Int>? {
        var start = index
        var cursor = index
        if cursor + 2 < message.count, ["dr", "mr", "mrs", "ms"].contains(message.lower(cursor)), message.lower(cursor + 1) == "." {
            cursor += 2
        }
        guard cursor < message.count, isNameWord(message.tokens[cursor]) else { return nil }
        if cursor == index { start = cursor }
        cursor += 1
        if cursor < message.count, isNameWord(message.tokens[cursor]), !CompanyNames.suffixes.contains(message.tokens[cursor]) { cursor += 1 }
        return start..<cursor
    }

    static func isNameWord(_ token: Token) -> Bool {
        token.isWord && token.isCapitalized && !notNames.contains(token) && !RoleGrammar.isTitleWord(token.lower)
            && !WordLists.months.contains(token) && !WordLists.weekdays.contains(token)
            && token.lower.count > 1 && !VendorLexicon.isVendorWord(token.lower)
    }

    private static func role(in message: MessageText, after name: Range<Int>?) -> Range<Int>? {
        if let name {
            var cursor = name.upperBound
            while cursor < message.count, [",", "btw", "here", "-", "the", "and", "i'm"].contains(message.lower(cursor)) { cursor += 1 }
            if cursor < message.count, let title = RoleGrammar.title(in: message, at: cursor) { return title }
        }
        for match in selfLeads.matches(in: message) {
            var cursor = match.range.upperBound
            if cursor < message.count, ["the", "a", "an"].contains(message.lower(cursor)) { cursor += 1 }
            if cursor < message.count, let title = RoleGrammar.title(in: message, at: cursor) { return title }
        }
        if let verb = selfVerbs.matches(in: message).first {
            let clauseEnd = message.clause(at: verb.range.lowerBound)?.upperBound ?? message.count
            var end = verb.range.upperBound
            while end < clauseEnd, end - verb.range.upperBound < 2, !["for", "at", "in", "with"].contains(message.lower(end)) { end += 1 }
            return verb.range.lowerBound..<end
        }
        return nil
    }
}
