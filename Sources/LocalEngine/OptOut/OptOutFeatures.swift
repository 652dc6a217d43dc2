import SalesCore

/// The sparse binary features the learned opt-out model reads, from the text the rules read
/// (``OptOutText``: quoted mail cut, typos of the key words corrected): words (`w:`), word
/// pairs (`b:`), character trigrams of words of four letters or more (`c:`, so unseen spellings
/// and other languages' stems share features), a length bucket (`n:`), and for a short reply
/// the words of the agent's last message (`a:`) and the reply's words again (`x:`), since
/// "nope" means stop only against "shall I keep in touch?".
enum OptOutFeatures {
    /// Bumped whenever the features change meaning, so a model trained on others is refused.
    static let version = 1

    /// Replies of at most this many words also get the agent-message features.
    static let shortReplyWords = 12

    static func features(_ text: OptOutText, history: [GoldenTurn.Message]) -> Set<String> {
        let words = text.words.filter { $0.first.map { $0.isLetter || $0.isNumber } ?? false }
        var features = Set<String>()
        features.reserveCapacity(words.count * 6 + 8)
        var previous = "^"
        for word in words {
            features.insert("w:" + word)
            features.insert("b:" + previous + "_" + word)
            previous = word
        }
        features.insert("b:" + previous + "_$")
        for word in words where word.utf8.count >= 4 {
            let edged = "^" + word + "$"
            if edged.isAllASCII {
                // ASCII: a byte is a character, so the trigrams are slices of the bytes.
                let bytes = Array(edged.utf8)
                for start in 0...(bytes.count - 3) { features.insert("c:" + String(decoding: bytes[start..<(start + 3)], as: UTF8.self)) }
                continue
            }
            let characters = Array(edged)
            guard characters.count >= 6 else { continue }
            for start in 0...(characters.count - 3) { features.insert("c:" + String(characters[start..<(start + 3)])) }
        }
        features.insert("n:\(min(words.count / 5, 8))")
        guard words.count <= shortReplyWords, let agent = history.last(where: { $0.role == "agent" }) else { return features }
        for word in OptOutText(agent.text).words where word.first?.isLetter ?? false { features.insert("a:" + word) }
        for word in words { features.insert("x:" + word) }
        return features
    }
}
