/// Splits a token list into sentences and clauses (see `MessageText`).
enum Segmenter {
    static let sentenceMarks: WordSet = [".", "!", "?", ";", ":", "\u{2014}", "\u{2013}", "-", "(", ")", "\u{2026}", "\n"]
    static let clauseWords: WordSet = ["but", "so", "though", "although", "because", "cause", "cuz", "while", "whereas", "plus", "unless", "which"]
    /// `and` starts a new clause when one of these follows it.
    static let newSubjects: WordSet = [
        "i", "we", "they", "he", "she", "it", "if", "our", "my", "their", "then", "that's", "it's", "i'll", "we'll",
        "we're", "i'm", "you", "we've", "i've", "they're", "he's", "she's", "we'd", "i'd", "now", "also", "the",
    ]
    /// After `so`, these words do not start a new clause (`so far`, `so much`).
    static let soContinuations: WordSet = ["far", "much", "many", "long", "that"]

    static func segment(_ tokens: [Token]) -> (sentences: [Range<Int>], clauses: [Range<Int>]) {
        var sentences: [Range<Int>] = []
        var clauses: [Range<Int>] = []
        var sentenceStart = 0
        var clauseStart = 0
        func closeClause(at end: Int) {
            if end > clauseStart { clauses.append(clauseStart..<end) }
        }
        func closeSentence(at end: Int) {
            if end > sentenceStart { sentences.append(sentenceStart..<end) }
        }
        for index in tokens.indices {
            let token = tokens[index]
            if token.isSymbol, sentenceMarks.contains(token), !isInnerMark(tokens, index) {
                closeClause(at: index)
                closeSentence(at: index)
                sentenceStart = index + 1
                clauseStart = index + 1
            } else if isClauseBoundary(tokens, index) {
                closeClause(at: index)
                clauseStart = index + 1
            }
        }
        closeClause(at: tokens.count)
        closeSentence(at: tokens.count)
        return (sentences, clauses)
    }

    /// A `.` inside an abbreviation such as `Dr.` or `St.` does not end a sentence.
    private static func isInnerMark(_ tokens: [Token], _ index: Int) -> Bool {
        guard tokens[index].lower == ".", index > 0 else { return false }
        return ["dr", "mr", "mrs", "ms", "st", "jr", "inc", "co", "corp", "vs", "e.g", "i.e"].contains(tokens[index - 1].lower)
            && index + 1 < tokens.count && tokens[index + 1].isCapitalized
    }

    private static func isClauseBoundary(_ tokens: [Token], _ index: Int) -> Bool {
        let token = tokens[index]
        if token.isSymbol { return token.lower == "," }
        guard index > 0 else { return false }
        let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
        switch token.lower {
        case "and": return newSubjects.contains(next)
        case "so": return !soContinuations.contains(next)
        default: return clauseWords.contains(token)
        }
    }
}
