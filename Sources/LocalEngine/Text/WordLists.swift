/// Small closed word lists shared by the scanners.
enum WordLists {
    static let months: WordSet = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Month words that are also ordinary words; they count as months only when capitalized.
    static let ambiguousMonths: WordSet = ["may", "march"]
    static let weekdays: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "tomorrow", "today", "tonight",
    ]
    static let seasons: WordSet = ["spring", "summer", "fall", "autumn", "winter"]
    static let quarters: WordSet = ["q1", "q2", "q3", "q4", "h1", "h2"]
    static let pronounsAndFunctionWords: WordSet = [
        "i", "we", "you", "he", "she", "it", "they", "me", "us", "them", "my", "our", "your", "his", "her", "their",
        "the", "a", "an", "this", "that", "these", "those", "and", "or", "but", "so", "if", "is", "are", "was", "be",
        "to", "of", "in", "on", "at", "for", "with", "from", "by", "not", "no", "yes", "ok", "okay", "hi", "hey",
        "hello", "thanks", "thank", "sorry", "sure", "what", "how", "why", "when", "where", "who", "which", "can",
        "do", "does", "did", "will", "would", "could", "should", "just", "also", "all", "any", "some", "its", "it's",
        "i'm", "we're", "i'll", "we'll", "let", "let's", "please", "maybe", "well", "great", "good", "nice", "cool",
    ]

    static func isMonth(_ token: Token) -> Bool {
        guard months.contains(token) else { return false }
        return !ambiguousMonths.contains(token) || token.isCapitalized
    }
}
