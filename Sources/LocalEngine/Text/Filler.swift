/// Discourse words that never start or end a slot value ("ok so", "lol").
enum Filler {
    static let leading: WordSet = [
        "ok", "okay", "k", "yes", "yeah", "yep", "yup", "hm", "hmm", "um", "uh", "well", "honestly", "also", "and",
        "then", "oh", "right", "sure", "great", "cool", "anyway", "fair", "hi", "hey", "hello", "tbh", "idk", "lol",
        "ha", "haha", "nice", "or", "but", "so", "though", "plus", "like", "btw", "eh", "ah", "wait", "look", "alright",
        "no", "nope", "sorry", "thanks", "thx", "perfect", "awesome",
    ]
    static let trailing: WordSet = ["lol", "haha", "tbh", "btw", "though", "anyway", "honestly", "and", "or", "but", "so", "then", "too"]

    /// `range` without leading and trailing filler words and symbols.
    static func trim(_ range: Range<Int>, in message: MessageText) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isLeading(message.tokens[start]) { start += 1 }
        while end > start, isTrailing(message.tokens[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func isLeading(_ token: Token) -> Bool {
        token.isSymbol ? !["$", "\u{20AC}", "\u{00A3}", "~"].contains(token.lower) : leading.contains(token)
    }

    private static func isTrailing(_ token: Token) -> Bool {
        token.isSymbol ? token.lower != "%" : trailing.contains(token)
    }
}
