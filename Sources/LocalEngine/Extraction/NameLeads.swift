/// More ways a customer gives their own name: lower-case chat (`its marco from`, `im keisha,
/// owner`, `tina here`), a full name opening a formal line (`Noor Al-Hashimi here`,
/// `Priscilla Nwosu, Deputy General Counsel at`), and a letter's signature (`Regards,
/// Fiona Gallacher`). Pure; each finder returns the name's token range.
enum NameLeads {
    /// Leads after which a lower-case word is read as a name only when a boundary follows.
    static let chatLeads = PhraseSet(["its", "it's", "im", "i'm", "i am", "this is", "my name is", "names", "name's", "name is", "call me"])
    /// Leads so strong that any boundary may follow the name.
    static let strongLeads: WordSet = ["this is", "my name is", "names", "name's", "name is", "call me"]
    /// Tokens that may follow a name given after a lead.
    static let followers: WordSet = [",", ".", "!", "from", "at", "here", "again", "w", "/", "with", "btw", "-", "—", "and", "🙂"]
    /// After `its`/`im` a word followed by `,` or `.` is often an adjective (`its fine.`, `im tired,`).
    static let looseFollowers: WordSet = [",", ".", "!", "and", "-", "—"]
    /// Common words that are never a first name in these leads.
    static let notNames: WordSet = [
        "fine", "ok", "okay", "good", "great", "bad", "late", "early", "busy", "crazy", "hard", "easy", "slow", "fast", "true",
        "fair", "weird", "broken", "free", "done", "over", "nuts", "wild", "insane", "expensive", "cheap", "pricey", "simple",
        "perfect", "interesting", "too", "so", "very", "really", "pretty", "kinda", "super", "worth", "tight", "quiet", "dead",
        "slammed", "chaos", "alright", "sorry", "tired", "confused", "sure", "afraid", "here", "back", "out", "in", "on",
        "off", "down", "up", "me", "us", "him", "her", "them", "not", "been", "gonna", "going", "getting", "what", "that",
        "this", "the", "a", "an", "just", "all", "new", "old", "ready", "happy", "glad", "interested", "looking", "calling",
        "writing", "reaching", "wondering", "curious", "currently", "still", "also", "literally", "honestly", "basically",
        "complicated", "annoying", "ridiculous", "awesome", "cool", "nice", "amazing", "fantastic", "unclear", "urgent",
        "owner", "manager", "boss", "hq", "gm", "ceo", "cfo", "coo", "cto", "dr", "mr", "mrs", "ms", "about", "like", "for",
        "from", "with", "mostly", "only", "exactly", "right", "wrong", "lol", "haha", "ya", "yeah", "yes", "no", "nope",
        "regards", "best", "cheers", "sincerely", "thanks", "goodbye", "bye", "general", "deputy", "senior", "chief", "head",
        "vice", "executive", "associate", "assistant", "wary", "process", "procurement", "finance", "legal", "team",
    ]
    /// Words that open a letter's sign-off before the writer's name.
    static let signoffs = PhraseSet([
        "regards", "kind regards", "best regards", "warm regards", "best", "thanks", "thank you", "many thanks",
        "sincerely", "yours sincerely", "yours faithfully", "cheers", "respectfully", "with thanks", "all the best",
    ])
    /// Interjections that may stand before `Name here` in its clause.
    static let interjections: WordSet = ["yea", "ya", "yeah", "yes", "hey", "hi", "hello", "ok", "oh", "so", "hiya", "morning"]

    /// The writer's name by any of the finders, or nil.
    static func name(in message: MessageText) -> Range<Int>? {
        chatName(in: message) ?? hereName(in: message) ?? openingName(in: message) ?? signature(in: message)
    }

    /// `its marco from`, `im keisha, owner`, `this is rosa at`.
    static func chatName(in message: MessageText) -> Range<Int>? {
        for match in chatLeads.matches(in: message) {
            let index = match.range.upperBound
            guard index < message.count, isChatNameWord(at: index, in: message) else { continue }
            let next = index + 1 < message.count ? message.lower(index + 1) : "."
            let lead = match.range.map { message.lower($0) }.joined(separator: " ")
            let strong = strongLeads.contains(lead)
            if followers.contains(next) && (strong || !looseFollowers.contains(next) || followedByRole(index + 1, in: message)) {
                return index..<(index + 1)
            }
        }
        return nil
    }

    /// `tina here`, `yea tina here`, `Noor Al-Hashimi here`: a name at its clause's start (after an interjection).
    static func hereName(in message: MessageText) -> Range<Int>? {
        for index in 0..<message.count where message.lower(index) == "here" && index > 0 {
            for length in [2, 1] where index - length >= 0 {
                let start = index - length
                let name = start..<index
                let after = index + 1 < message.count ? message.lower(index + 1) : "."
                guard ![":", "is", "are", "was", "were"].contains(after) else { continue }
                let capitalized = name.allSatisfy { isCapitalizedName(at: $0, in: message) }
                let chat = length == 1 && isChatNameWord(at: start, in: message) && [",", ".", "!", "-", "—"].contains(after)
                guard capitalized || chat else { continue }
                let clauseStart = message.clause(at: start)?.lowerBound ?? start
                let lead = clauseStart..<start
                if lead.allSatisfy({ interjections.contains(message.tokens[$0]) || message.tokens[$0].isSymbol }) { return name }
            }
        }
        return nil
    }

    /// `Priscilla Nwosu, Deputy General Counsel at`: a full name, a comma and a title, at a clause start.
    static func openingName(in message: MessageText) -> Range<Int>? {
        for clause in message.clauses.prefix(3) {
            var start = clause.lowerBound
            while start < clause.upperBound, interjections.contains(message.tokens[start]) || message.tokens[start].isSymbol { start += 1 }
            guard start + 2 < message.count, isCapitalizedName(at: start, in: message), isCapitalizedName(at: start + 1, in: message) else { continue }
            if followedByRole(start + 2, in: message) { return start..<(start + 2) }
        }
        return nil
    }

    /// `Kind regards,\nFiona Gallacher` closing the message.
    static func signature(in message: MessageText) -> Range<Int>? {
        for match in signoffs.matches(in: message) {
            var cursor = match.range.upperBound
            // `thanks Chris` thanks the addressee; a signature follows a comma or a line break.
            guard cursor < message.count, message.lower(cursor) == "," || lineBreak(before: cursor, in: message) else { continue }
            while cursor < message.count, [",", "."].contains(message.lower(cursor)) { cursor += 1 }
            guard cursor < message.count, isCapitalizedName(at: cursor, in: message) else { continue }
            var end = cursor + 1
            if end < message.count, isCapitalizedName(at: end, in: message) { end += 1 }
            let rest = end..<message.count
            if rest.count <= 8, !rest.contains(where: { message.tokens[$0].isWord && !message.tokens[$0].isCapitalized && !["at", "of"].contains(message.lower($0)) }) {
                return cursor..<end
            }
        }
        return nil
    }

    /// True when a line break stands between token `index` and the one before it.
    private static func lineBreak(before index: Int, in message: MessageText) -> Bool {
        guard index > 0 else { return false }
        return message.text[message.tokens[index - 1].range.upperBound..<message.tokens[index].range.lowerBound].contains("\n")
    }

    /// True when a `,` and a job title follow `index` (`, owner of`, `, VP Eng`).
    private static func followedByRole(_ index: Int, in message: MessageText) -> Bool {
        guard index < message.count, message.lower(index) == "," else { return false }
        var cursor = index + 1
        if cursor < message.count, ["the", "a", "an", "our", "im", "i'm"].contains(message.lower(cursor)) { cursor += 1 }
        return cursor < message.count && RoleGrammar.title(in: message, at: cursor) != nil
    }

    private static func isCapitalizedName(at index: Int, in message: MessageText) -> Bool {
        ContactScanner.isNameWord(message.tokens[index]) && !notNames.contains(message.tokens[index])
    }

    /// A lower-case (or capitalized) word that can be a first name: not a common word, title, vendor, month or weekday.
    private static func isChatNameWord(at index: Int, in message: MessageText) -> Bool {
        let token = message.tokens[index]
        guard token.isWord, token.lower.count >= 2, !notNames.contains(token), !ContactScanner.notNames.contains(token),
            !token.lower.hasSuffix("ing")
        else { return false }
        return !RoleGrammar.isTitleWord(token.lower) && !WordLists.months.contains(token) && !WordLists.weekdays.contains(token)
            && !VendorLexicon.isVendorWord(token.lower)
    }
}
