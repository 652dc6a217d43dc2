/// Widens a tool used today to the whole set the customer names with it: `Excel and
/// Google Forms`, `Notion + a giant Google Sheet`, `QuickBooks, Gusto and Expensify`,
/// `NICE for call recording`. Pure; works on token ranges of one clause.
enum SolutionSpan {
    /// Words that join two tools.
    static let joiners: WordSet = ["and", "+", "&", "/", ",", "plus"]
    /// Words that may open the joined tool before its name: `a giant Google Sheet`.
    static let openers: WordSet = ["a", "an", "the", "our", "some", "old", "giant", "big", "shared", "lot", "of"]
    /// Nouns of tools and manual processes that may be joined without a vendor name.
    static let toolNouns: WordSet = [
        "spreadsheet", "spreadsheets", "sheet", "sheets", "excel", "email", "emails", "paper", "phone", "phones",
        "whatsapp", "texts", "calls", "notebook", "whiteboard", "forms", "form", "crm", "database", "drive", "folders",
        "calendar", "inbox", "binder", "templates", "software", "app", "tool", "system", "portal",
    ]

    /// `range` (a tool) widened over joined tools and a short `for <purpose>` tail, inside its clause.
    static func widen(_ range: Range<Int>, in message: MessageText, vendors: [Range<Int>]) -> Range<Int> {
        let clause = message.clause(at: range.lowerBound) ?? range
        let sentence = message.sentence(at: range.lowerBound) ?? clause
        var end = range.upperBound
        while end + 1 < sentence.upperBound, joiners.contains(message.tokens[end]) {
            guard let next = joinedTool(at: end + 1, in: message, limit: sentence.upperBound, vendors: vendors) else { break }
            end = next
        }
        if end < clause.upperBound, message.lower(end) == "for", let tail = purpose(after: end + 1, in: message, limit: clause.upperBound) {
            end = tail
        }
        return range.lowerBound..<end
    }

    /// The end of a tool starting at `index` (after openers), or nil when none starts there.
    private static func joinedTool(at index: Int, in message: MessageText, limit: Int, vendors: [Range<Int>]) -> Int? {
        var cursor = index
        while cursor < limit, cursor - index < 3, openers.contains(message.tokens[cursor]) { cursor += 1 }
        guard cursor < limit else { return nil }
        if let vendor = vendors.first(where: { $0.lowerBound == cursor }) {
            var end = vendor.upperBound
            if end < limit, toolNouns.contains(message.tokens[end]) { end += 1 }
            return end
        }
        var end = cursor
        while end < limit, end - cursor < 3, message.tokens[end].isWord, message.tokens[end].isCapitalized || toolNouns.contains(message.tokens[end]) {
            end += 1
        }
        guard end > cursor, toolNouns.contains(message.tokens[end - 1]) || message.tokens[cursor].isCapitalized else { return nil }
        return end
    }

    /// `for call recording`, `for tickets`: up to three lower-case words ending the clause or before a joiner.
    private static func purpose(after index: Int, in message: MessageText, limit: Int) -> Int? {
        var end = index
        while end < limit, end - index < 3, message.tokens[end].isWord, !joiners.contains(message.tokens[end]),
            !WordLists.pronounsAndFunctionWords.contains(message.tokens[end]) || end > index
        {
            end += 1
        }
        let stops = end == limit || joiners.contains(message.tokens[end])
        return end > index && stops ? end : nil
    }
}
