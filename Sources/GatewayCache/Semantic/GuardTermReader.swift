/// Reads the guard terms of a word sequence left to right: numbers with their scale, unit,
/// percent or time of day; currencies; relative dates; `per` units; and the lexicon's
/// negations, polarity words, roles and quantities. What it does not consume stays free.
struct GuardTermReader {
    let words: [MessageWord]
    private(set) var terms: [(position: Int, term: GuardTerm)] = []
    private(set) var freeWords: [(position: Int, text: String)] = []
    private(set) var nameCandidates: Set<String> = []
    private var index = 0

    init(words: [MessageWord]) {
        self.words = words
    }

    mutating func read() {
        while index < words.count {
            let start = index
            if let term = readTerm() {
                terms.append((start, term))
            } else {
                let word = words[start]
                freeWords.append((start, word.text))
                if Self.marksName(word) { nameCandidates.insert(word.text) }
                index = start + 1
            }
        }
    }

    private func text(_ offset: Int) -> String? {
        index + offset < words.count ? words[index + offset].text : nil
    }

    /// The term starting at `index`, advancing past it; nil (index unchanged) if none.
    private mutating func readTerm() -> GuardTerm? {
        let word = words[index].text
        if let number = readNumber() { return number }
        index += 1
        if let currency = GuardLexicon.currencies[word] { return GuardTerm(.currency, currency) }
        if word == "%" || word == "percent" { return GuardTerm(.percent, "?") }
        if GuardLexicon.negations.contains(word) { return GuardTerm(.negation, "not") }
        if word == "per" || word == "each" || word == "every", let next = text(0) {
            if let billing = Self.billing(next) {
                index += 1
                return GuardTerm(.polarity, billing)
            }
            if word == "per" {
                index += 1
                return GuardTerm(.unit, Self.singular(next))
            }
        }
        if let marker = GuardLexicon.relativeDateMarkers[word], let next = text(0) {
            if GuardLexicon.dateUnits.contains(Self.singular(next)) {
                index += 1
                return GuardTerm(.date, "\(marker):\(Self.singular(next))")
            }
            if GuardLexicon.calendarNames.contains(next) { return GuardTerm(.date, marker) }
        }
        if GuardLexicon.dateWords.contains(word) { return GuardTerm(.date, word) }
        if let polarity = GuardLexicon.polarity[word] { return GuardTerm(.polarity, polarity) }
        if let role = GuardLexicon.roles[word] { return GuardTerm(.role, role) }
        if let person = GuardLexicon.persons[word] { return GuardTerm(.person, person) }
        if let quantity = GuardLexicon.quantities[word] { return GuardTerm(.quantity, quantity) }
        if GuardLexicon.timeWords.contains(word) { return GuardTerm(.time, word) }
        index -= 1
        return nil
    }

    /// A number in digits or words, with what follows it: a percent sign, a time of day, or
    /// a duration unit (normalised: weeks to days, years to months, so "12-month" and
    /// "one-year" agree).
    private mutating func readNumber() -> GuardTerm? {
        guard var parsed = NumberText.parse(words, at: &index) else { return nil }
        if parsed.suffix == nil, let next = text(0), next == "am" || next == "pm" {
            parsed.suffix = next
            index += 1
        }
        if parsed.isClock || parsed.suffix == "am" || parsed.suffix == "pm" { return GuardTerm(.time, parsed.clockValue) }
        if text(0) == "%" || text(0) == "percent" {
            index += 1
            return GuardTerm(.percent, parsed.canonical)
        }
        if parsed.suffix == nil, let next = text(0), let duration = GuardLexicon.durations[next] {
            index += 1
            parsed.value *= duration.scale
            parsed.suffix = duration.unit
        }
        return GuardTerm(.number, parsed.canonical)
    }

    private static func billing(_ word: String) -> String? {
        switch word {
        case "month": "billing:monthly"
        case "year", "annum": "billing:annual"
        case "quarter": "billing:quarterly"
        default: nil
        }
    }

    static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }

    /// Whether this message marks `word` as a name by its own writing.
    private static func marksName(_ word: MessageWord) -> Bool {
        let text = word.text
        guard !GuardLexicon.neverNames.contains(text), !text.isEmpty else { return false }
        if GuardLexicon.features[text] != nil { return true }
        if word.allCaps { return true }
        if word.capitalised && !word.sentenceInitial { return true }
        let hasDigit = text.unicodeScalars.contains { MessageWords.isDigit($0) }
        let hasLetter = text.unicodeScalars.contains { MessageWords.isLetter($0) }
        return hasDigit && hasLetter
    }
}
