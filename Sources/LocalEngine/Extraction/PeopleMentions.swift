/// Finds other people in the deal: `our CFO, Greg`, `my director Pieter`, `the school board`,
/// `Dr. Okafor`; a mention next to approval words is the decision maker, others are stakeholders.
enum PeopleMentions {
    /// One person or group named, and whether the clause says they decide.
    struct Mention: Sendable {
        var range: Range<Int>
        var decides: Bool
    }

    static let possessives: WordSet = ["our", "my", "the", "their"]
    /// Group and relation nouns that count as people next to `our`/`my`.
    static let groupNouns: WordSet = [
        "team", "board", "boss", "partners", "partner", "husband", "wife", "bro", "brother", "sister", "dad", "mom",
        "accountant", "lawyer", "attorney", "guys", "cabinet", "leadership", "execs", "management", "committee",
        "procurement", "finance", "legal", "it", "security", "compliance", "accounting", "ownership", "owners",
        "founders", "investors", "council", "trustees", "principal", "superintendent", "dean", "admin", "administration",
        "department", "office", "staff", "group", "folks", "people", "vendor", "bookkeeper", "assistant", "doctors",
        "attorneys", "physicians", "clinicians", "nurses", "teachers", "engineers", "developers", "devs", "ops",
    ]
    /// Groups that count after `the` (which is too common otherwise).
    static let theNouns: WordSet = ["board", "partners", "owner", "owners", "guys", "cabinet", "school board", "ownership", "principal", "superintendent", "dean", "ceo", "cfo", "coo", "cto", "cio", "ciso"]
    static let decisionCues = PhraseSet([
        "approve", "approves", "approval", "approved", "sign off", "signs off", "sign-off", "signature", "decides",
        "decide", "decision", "final call", "makes the call", "the call", "final say", "owns the budget",
        "owns the practice", "has to ok", "have to ok", "ok it", "run it by", "a yes from", "yes from",
        "call the shots", "budget holder", "holds the budget", "controls the budget", "buy-in", "green light",
        "needs to see", "has to see", "needs to agree", "signs", "sign", "decision maker", "decision-maker", "owns",
    ])

    /// Every mention in `message`, left to right.
    static func mentions(in message: MessageText) -> [Mention] {
        var found: [Mention] = []
        var index = 0
        while index < message.count {
            guard let range = mention(in: message, at: index) else {
                index += 1
                continue
            }
            let sentence = message.sentence(at: range.lowerBound) ?? range
            found.append(Mention(range: range, decides: decisionCues.occurs(in: message, within: sentence)))
            index = range.upperBound
        }
        return found
    }

    private static func mention(in message: MessageText, at index: Int) -> Range<Int>? {
        let word = message.lower(index)
        if possessives.contains(word), index + 1 < message.count {
            let start = index + 1
            if let title = RoleGrammar.title(in: message, at: start), word != "the" || theNouns.contains(message.tokens[title.upperBound - 1]) {
                return index..<appositive(after: title.upperBound, in: message)
            }
            if let group = group(in: message, at: start), word != "the" || theNouns.contains(message.tokens[group.upperBound - 1]) {
                return index..<appositive(after: group.upperBound, in: message)
            }
            return nil
        }
        // Dr. Okafor, Mark Hartley: a full name followed by a decision word.
        // `Dear Mr. Okafor`: the letter's addressee is the seller, not someone in the deal.
        if ["dr", "mr", "mrs", "ms"].contains(word), index == 0 || message.lower(index - 1) != "dear",
            index + 2 < message.count, message.lower(index + 1) == ".",
            let name = ContactScanner.personName(in: message, at: index + 2)
        {
            return index..<name.upperBound
        }
        return nil
    }

    /// Up to three modifier words then a group noun: `our vendor risk team`, `the school board`.
    private static func group(in message: MessageText, at index: Int) -> Range<Int>? {
        var cursor = index
        while cursor < message.count, cursor - index < 4, message.tokens[cursor].isWord {
            let word = message.lower(cursor)
            if groupNouns.contains(word) {
                let next = cursor + 1
                if next < message.count, groupNouns.contains(message.tokens[next]) { return index..<(next + 1) }
                return index..<next
            }
            if RoleGrammar.stops.contains(word) { return nil }
            cursor += 1
        }
        return nil
    }

    /// `, Raj` or ` Pieter` after a title: a capitalized name that follows directly.
    private static func appositive(after end: Int, in message: MessageText) -> Int {
        var cursor = end
        if cursor < message.count, message.lower(cursor) == "," { cursor += 1 }
        guard let name = ContactScanner.personName(in: message, at: cursor) else { return end }
        return name.upperBound
    }
}
