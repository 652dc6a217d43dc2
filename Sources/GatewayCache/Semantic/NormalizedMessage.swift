/// The last user message reduced to what a retype cannot change: lowercase words joined by
/// single spaces, punctuation gone (inner `.`, `,` and `:` of numbers and the symbols `$ € £ ¥ %`
/// stay), greetings, thanks and `please` dropped. Two messages with the same normalised text
/// in one bucket are the same question, so it is looked up before any vector.
public enum NormalizedMessage {
    /// Phrases dropped from the start of a message (repeatedly: "hi there, quick question: …").
    static let leadingFillers: [[String]] = [
        ["sorry", "to", "bother", "you", "but"], ["sorry", "to", "bother", "you"], ["thanks", "so", "much"],
        ["one", "more", "thing"], ["one", "quick", "question"], ["quick", "one"], ["good", "morning"], ["good", "afternoon"],
        ["good", "evening"], ["hope", "you", "are", "well"], ["hope", "you", "well"], ["hope", "all", "is", "well"],
        ["just", "to", "double", "check"], ["to", "double", "check"], ["just", "checking"], ["quick", "check"],
        ["quick", "follow", "up"], ["quick", "question"], ["just", "wondering"], ["just", "curious"], ["excuse", "me"],
        ["hi", "there"], ["hey", "there"], ["hello", "there"], ["hey", "team"], ["hi", "team"], ["hello", "team"], ["hey"],
        ["hi"], ["hello"], ["sorry"], ["ok"], ["okay"], ["so"], ["um"], ["uh"], ["well"], ["also"], ["btw"],
    ]
    /// Phrases dropped from the end of a message.
    static let trailingFillers: [[String]] = [
        ["thanks", "in", "advance"], ["much", "appreciated"], ["appreciate", "it"], ["thanks", "a", "lot"], ["thank", "you"],
        ["thanks"], ["thx"], ["cheers"], ["ty"],
    ]
    /// Words dropped wherever they stand.
    static let anywhere: Set<String> = ["please", "pls", "plz", "um", "uh"]

    /// The normalised text of `text`.
    public static func text(of text: String) -> String {
        words(MessageWords.split(text).map(\.text)).joined(separator: " ")
    }

    /// `words` without fillers.
    static func words(_ input: [String]) -> [String] {
        withoutFillers(input) { $0 }
    }

    /// `items` without the fillers, read through `text`.
    static func withoutFillers<T>(_ input: [T], text: (T) -> String) -> [T] {
        var items = input.filter { !anywhere.contains(text($0)) }
        var changed = true
        while changed {
            changed = false
            for filler in leadingFillers where items.count > filler.count && items.prefix(filler.count).map(text) == filler {
                items.removeFirst(filler.count)
                changed = true
            }
            for filler in trailingFillers where items.count > filler.count && items.suffix(filler.count).map(text) == filler {
                items.removeLast(filler.count)
                changed = true
            }
        }
        return items
    }
}
