/// Reads job titles: `head of ops`, `CFO`, `VP of Sales`, `office manager`, `cofounder / COO`.
enum RoleGrammar {
    /// Words a title ends on (or is): `manager`, `director`, `CFO`.
    static let heads: WordSet = [
        "manager", "director", "lead", "head", "coordinator", "owner", "founder", "cofounder", "co-founder",
        "president", "provost", "officer", "administrator", "admin", "principal", "superintendent", "partner", "chief",
        "vp", "svp", "evp", "avp", "supervisor", "analyst", "specialist", "executive", "engineer", "ceo", "cto", "cfo",
        "coo", "cio", "ciso", "cmo", "cro", "cpo", "cso", "gm", "md", "controller", "treasurer", "dean", "chair",
        "secretary", "buyer", "accountant", "bookkeeper", "recruiter", "consultant", "attorney", "paralegal", "nurse",
        "physician", "dentist", "counsel", "architect", "strategist", "marketer", "producer", "editor", "chef",
        "superintendent", "foreman", "dispatcher", "registrar", "librarian", "pastor", "broker", "realtor", "agent",
        "developer", "designer", "scientist", "associate", "assistant", "fso", "ed", "vet", "veterinarian",
        "pharmacist", "therapist", "teacher", "professor", "researcher", "founder/ceo", "head", "leader",
    ]
    /// Acronyms that are titles on their own even when followed by nothing.
    static let acronyms: WordSet = ["ceo", "cto", "cfo", "coo", "cio", "ciso", "cmo", "cro", "cpo", "cso", "gm", "md", "vp", "svp", "evp", "fso", "ed"]
    /// Words that end a title's modifiers or its `of ...` tail.
    static let stops: WordSet = [
        "at", "and", "in", "here", "with", "from", "for", "the", "a", "an", "i", "we", "our", "my", "is", "are", "was",
        "but", "so", "to", "on", "btw", "by", "who", "that", "it", "this", "over", "since", "now",
    ]

    /// A title starting exactly at `index` (modifiers included), if one starts there.
    static func title(in message: MessageText, at index: Int) -> Range<Int>? {
        var cursor = index
        var headEnd: Int?
        while cursor < message.count, cursor - index < 5 {
            let token = message.tokens[cursor]
            guard token.isWord, !stops.contains(token) else { break }
            if heads.contains(token) { headEnd = cursor + 1 }
            cursor += 1
            if headEnd == cursor, !canContinue(after: cursor, in: message) { break }
        }
        guard var end = headEnd else { return nil }
        end = tail(after: end, in: message)
        return index..<end
    }

    /// Whether more modifiers or heads may follow (`VP Eng`, `head of`, `cofounder / COO`).
    private static func canContinue(after index: Int, in message: MessageText) -> Bool {
        guard index < message.count else { return false }
        let next = message.tokens[index]
        return next.isWord && (heads.contains(next) || next.isCapitalized && !stops.contains(next))
    }

    /// `of Sales`, `for student success`, `/ COO`, `Eng` after a head.
    private static func tail(after end: Int, in message: MessageText) -> Int {
        let headEnd = end
        var end = end
        if ["vp", "svp", "evp", "avp"].contains(message.lower(end - 1)) {
            while end < message.count, end - headEnd < 2, message.tokens[end].isCapitalized, !stops.contains(message.tokens[end]) { end += 1 }
        }
        if end + 1 < message.count, message.lower(end) == "/", heads.contains(message.tokens[end + 1]) { end += 2 }
        guard end + 1 < message.count, ["of", "for"].contains(message.lower(end)) else { return end }
        var cursor = end + 1
        while cursor < message.count, cursor - end <= 3, message.tokens[cursor].isWord, !stops.contains(message.tokens[cursor]) { cursor += 1 }
        return cursor > end + 1 ? cursor : end
    }

    /// True when `word` alone reads as a title (`CFO`, `owner`).
    static func isTitleWord(_ word: String) -> Bool { heads.contains(word) }
}
