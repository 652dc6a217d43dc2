/// A number read from message words: digits (`1,200.50`, `50k`, `$1.2M` after its symbol,
/// `9am`, `3:30`, `31st`) or words (`one hundred`, `twenty five`), then scale words
/// (`thousand`, `million`).
struct NumberText {
    var value: Double
    /// What followed the digits in the same word, or the unit a reader attached (`am`, `days`, `gb`).
    var suffix: String?
    /// Written as hours and minutes (`3:30`); `value` is then minutes.
    var isClock: Bool

    /// `value` to a thousandth with its suffix: equal for every spelling of one amount.
    var canonical: String {
        "\(Int64((value * 1000).rounded()))\(suffix.map { " \($0)" } ?? "")"
    }

    /// Minutes since midnight, read with `am` / `pm` when given (`9pm` and `21:00` agree).
    var clockValue: String {
        var minutes = isClock ? value : value * 60
        if suffix == "am" || suffix == "pm" {
            let hours = (minutes / 60).rounded(.down)
            let rest = minutes - hours * 60
            minutes = (hours.truncatingRemainder(dividingBy: 12) + (suffix == "pm" ? 12 : 0)) * 60 + rest
        }
        return "\(Int64(minutes.rounded()))"
    }

    /// The number starting at `words[index]`, advancing past it; nil (index unchanged) if none.
    static func parse(_ words: [MessageWord], at index: inout Int) -> NumberText? {
        var position = index
        guard position < words.count else { return nil }
        var number: NumberText
        if let digits = digits(words[position].text) {
            number = digits
            position += 1
        } else if let spelled = spelled(words, at: &position) {
            number = spelled
        } else {
            return nil
        }
        while !number.isClock, number.suffix == nil, position < words.count,
            let scale = GuardLexicon.numberScales[words[position].text], words[position].text.count > 2
        {
            number.value *= scale
            position += 1
        }
        index = position
        return number
    }

    /// `1,200.50`, `50k`, `9am`, `3:30`, `31st`, `10x`; nil for words that do not start with a
    /// digit or are feature names (`2fa`).
    static func digits(_ text: String) -> NumberText? {
        guard let first = text.unicodeScalars.first, MessageWords.isDigit(first), GuardLexicon.features[text] == nil else { return nil }
        if text.contains(":") {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let hours = Double(parts[0]), let minutes = Double(parts[1]) else { return nil }
            return NumberText(value: hours * 60 + minutes, suffix: nil, isClock: true)
        }
        let numeric = text.prefix { MessageWords.isDigit($0.unicodeScalars.first!) || $0 == "." || $0 == "," }
        guard var value = Double(numeric.filter { $0 != "," }) else { return nil }
        var suffix: String? = String(text.dropFirst(numeric.count))
        if let scale = GuardLexicon.numberScales[suffix ?? ""] {
            value *= scale
            suffix = nil
        } else if ["st", "nd", "rd", "th", ""].contains(suffix ?? "") {
            suffix = nil
        }
        return NumberText(value: value, suffix: suffix, isClock: false)
    }

    /// `one`, `twenty five`, `one hundred`, `two thousand`: consecutive number words.
    private static func spelled(_ words: [MessageWord], at position: inout Int) -> NumberText? {
        var total = 0.0, current = 0.0
        var read = false
        while position < words.count {
            let word = words[position].text
            if let value = GuardLexicon.numberWords[word] {
                current += value
            } else if let scale = GuardLexicon.numberScales[word], word.count > 2 {
                current = max(current, 1) * scale
                if scale >= 1000 {
                    total += current
                    current = 0
                }
            } else {
                break
            }
            read = true
            position += 1
        }
        guard read else { return nil }
        return NumberText(value: total + current, suffix: nil, isClock: false)
    }
}
