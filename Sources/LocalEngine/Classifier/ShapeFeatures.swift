/// How a message is written: shouting, exclamation, emoji, lower-case chat, digits.
enum ShapeFeatures {
    static func add(message: MessageText, to features: inout Set<String>) {
        if message.text.isAllASCII {
            addASCII(message.text, to: &features)
        } else {
            let letters = message.text.filter(\.isLetter)
            if letters.count >= 4, letters.allSatisfy(\.isUppercase) { features.insert("h:all-caps") }
            if message.text.contains("!") { features.insert("h:exclaim") }
            if message.text.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { features.insert("h:emoji") }
            if let first = message.text.first(where: \.isLetter), first.isLowercase { features.insert("h:lower-start") }
        }
        if message.tokens.contains(where: \.isNumber) { features.insert("h:digits") }
        let sentences = message.sentences.count
        features.insert(sentences <= 1 ? "h:sentences1" : sentences <= 3 ? "h:sentences2-3" : "h:sentences4+")
    }

    /// The same four features for ASCII text, read from the bytes (no ASCII character is an
    /// emoji presentation).
    private static func addASCII(_ text: String, to features: inout Set<String>) {
        var letters = 0
        var lower = 0
        var firstLetterIsLower: Bool?
        for byte in text.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            guard isUpper || isLower else { continue }
            letters += 1
            if isLower { lower += 1 }
            if firstLetterIsLower == nil { firstLetterIsLower = isLower }
        }
        if letters >= 4, lower == 0 { features.insert("h:all-caps") }
        if text.utf8.contains(UInt8(ascii: "!")) { features.insert("h:exclaim") }
        if firstLetterIsLower == true { features.insert("h:lower-start") }
    }
}
