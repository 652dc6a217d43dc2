/// What the message's questions are about: a question sentence anywhere (not only at the
/// start: `Hi, Tom from Larkin here. Do you integrate with Xero?`), its form (a wh-word or
/// an auxiliary), whom it asks about (you and yours, it, or us), and whether the message
/// ends on it. SMS questions without a mark count when they open with a question word.
enum QuestionFeatures {
    static let whWords: WordSet = ["what", "what's", "whats", "how", "why", "when", "where", "who", "which", "wat"]
    static let auxiliaries: WordSet = [
        "do", "does", "can", "could", "is", "are", "will", "would", "should", "did", "have", "has", "any", "r", "u",
    ]
    static let aboutYou: WordSet = ["you", "your", "yours", "u", "ur", "y'all", "you're", "youre"]
    static let aboutIt: WordSet = ["it", "its", "it's", "this", "that", "app", "system", "tool", "platform", "software", "product", "plan"]
    static let aboutUs: WordSet = ["we", "our", "us", "i", "my", "me", "we're", "i'm"]

    static func add(message: MessageText, to features: inout Set<String>) {
        let sentences = message.sentences
        for (number, sentence) in sentences.enumerated() {
            let words = sentence.filter { message.tokens[$0].isWord }.map { message.lower($0) }
            guard let first = words.first else { continue }
            let marked = sentence.upperBound < message.count && message.lower(sentence.upperBound) == "?"
            let opens = whWords.contains(first) ? "wh" : auxiliaries.contains(first) ? "aux" : nil
            guard marked || opens != nil else { continue }
            features.insert("q:sentence")
            if let opens { features.insert("q:opens-" + opens) }
            if number > 0 { features.insert("q:after-first-sentence") }
            if number == sentences.count - 1 { features.insert("q:ends-message") }
            if words.contains(where: aboutYou.contains) { features.insert("q:about-you") }
            if words.contains(where: aboutIt.contains) { features.insert("q:about-it") }
            if words.contains(where: aboutUs.contains) { features.insert("q:about-us") }
        }
    }
}
