/// How a message is written: shouting, exclamation, emoji, lower-case chat, digits.
enum ShapeFeatures {
    static func add(message: MessageText, to features: inout Set<String>) {
        let letters = message.text.filter(\.isLetter)
        if letters.count >= 4, letters.allSatisfy(\.isUppercase) { features.insert("h:all-caps") }
        if message.text.contains("!") { features.insert("h:exclaim") }
        if message.text.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { features.insert("h:emoji") }
        if let first = message.text.first(where: \.isLetter), first.isLowercase { features.insert("h:lower-start") }
        if message.tokens.contains(where: \.isNumber) { features.insert("h:digits") }
        let sentences = message.sentences.count
        features.insert(sentences <= 1 ? "h:sentences1" : sentences <= 3 ? "h:sentences2-3" : "h:sentences4+")
    }
}
