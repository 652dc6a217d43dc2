/// Finds money amounts and ranges with their qualifier and period:
/// `$20k`, `20,000 dollars`, `around 15-20k per year`, `€8k/month`, `under 50 grand`, `2.5M`.
enum MoneyScanner {
    /// A found amount: the whole value and whether a currency or magnitude made it explicit.
    struct Amount: Sendable, Hashable {
        var range: Range<Int>
        /// False for a bare number such as `900 a month`, which is money only in a money context.
        var isExplicit: Bool
    }

    /// Currency signs: dollar, euro, pound, yen/yuan, rupee, won, naira, lira, peso, real…
    static let currencySymbols: WordSet = [
        "$", "\u{20AC}", "\u{00A3}", "\u{00A5}", "\u{20B9}", "\u{20A9}", "\u{20A6}", "\u{20BA}", "\u{20B1}", "\u{20AA}",
        "\u{20AB}", "\u{20B4}", "\u{20BD}", "\u{0E3F}", "\u{20A1}", "\u{20B5}", "\u{20B8}",
    ]
    /// Currency codes and names, and words that make a number money (`20 grand`, `5 lakh`).
    static let unitWords: WordSet = [
        "k", "grand", "thousand", "million", "mil", "billion", "bucks", "dollars", "dollar", "usd", "eur", "euros",
        "euro", "gbp", "pounds", "quid", "cad", "aud", "nzd", "sgd", "hkd", "chf", "francs", "sek", "nok", "dkk", "kronor",
        "kroner", "krona", "pln", "zloty", "czk", "huf", "forint", "ron", "lira", "inr", "rupees", "rs", "lakh",
        "lakhs", "crore", "crores", "jpy", "yen", "cny", "rmb", "yuan", "krw", "brl", "reais", "mxn", "pesos",
        "ars", "clp", "cop", "zar", "rand", "ngn", "naira", "kes", "shillings", "egp", "aed", "dirhams", "dirham", "sar",
        "riyals", "riyal", "qar", "ils", "shekels", "php", "idr", "rupiah", "myr", "ringgit", "thb", "baht", "vnd",
        "pkr", "bdt", "taka", "mn", "bn",
    ]
    static let qualifiers = PhraseSet([
        "about", "around", "roughly", "approximately", "approx", "~", "under", "below", "over", "maybe", "up to",
        "at most", "less than", "no more than", "more than", "max", "like", "between", "almost", "nearly", "close to",
        "north of", "just under", "just over", "somewhere around", "somewhere between", "anywhere between", "only", "at least",
    ])
    static let periods = PhraseSet([
        "a month", "per month", "/ month", "/ mo", "a year", "per year", "/ year", "/ yr", "annually", "monthly",
        "yearly", "a seat", "per seat", "per user", "a user", "per location", "a quarter", "per quarter",
        "this fiscal year", "this year", "for the first year", "all in", "tops", "max", "a week", "per week",
        "a head", "per head", "/ seat", "/ user", ", tops", "year one", "in year one", "per annum", "p.a", "pa",
        "/ yr", "/ mo", "/ month", "/ year", "/ seat / month", "per seat per month", "per user per month", "a seat a month",
        "per agent", "per location per month", "per month per seat", "monthly", "a license", "per license",
    ])

    /// Currency codes written before the amount.
    static let codes: WordSet = [
        "usd", "eur", "gbp", "cad", "aud", "nzd", "sgd", "hkd", "chf", "sek", "nok", "dkk", "pln", "czk", "inr", "rs", "jpy",
        "cny", "rmb", "krw", "brl", "mxn", "zar", "ngn", "kes", "aed", "sar", "qar", "ils", "php", "idr", "myr", "thb", "pkr",
    ]

    /// Every amount in the message, left to right.
    static func amounts(in message: MessageText) -> [Amount] {
        var found: [Amount] = []
        var index = 0
        while index < message.count {
            guard let core = core(in: message, at: index) else {
                index += 1
                continue
            }
            var start = core.range.lowerBound
            if let qualifier = qualifier(endingAt: start, in: message) { start = qualifier }
            var end = core.range.upperBound
            for _ in 0..<2 where end < message.count {
                guard let period = periods.match(in: message, at: end) else { break }
                end = period.range.upperBound
            }
            found.append(Amount(range: start..<end, isExplicit: core.isExplicit))
            index = end
        }
        return found
    }

    /// The money core starting at `index`: symbol + number, number + magnitude, or a bare number.
    private static func core(in message: MessageText, at index: Int) -> Amount? {
        let token = message.tokens[index]
        if currencySymbols.contains(token), index + 1 < message.count, message.tokens[index + 1].isNumber {
            return Amount(range: index..<extendRange(from: index + 2, in: message), isExplicit: true)
        }
        // Codes before the number: `USD 20k`, `EUR 5,000`, `R$ 900`, `Rs 50,000`.
        if token.isWord, Self.codes.contains(token), index + 1 < message.count, message.tokens[index + 1].isNumber {
            return Amount(range: index..<extendRange(from: index + 2, in: message), isExplicit: true)
        }
        if token.lower == "r", index + 2 < message.count, message.lower(index + 1) == "$", message.tokens[index + 2].isNumber {
            return Amount(range: index..<extendRange(from: index + 3, in: message), isExplicit: true)
        }
        guard token.isNumber, isAmountNumber(token.lower) else { return nil }
        if hasMagnitudeSuffix(token.lower) { return Amount(range: index..<extendRange(from: index + 1, in: message), isExplicit: true) }
        let afterRange = extendRange(from: index + 1, in: message)
        if afterRange > index + 1, hasMagnitudeSuffix(message.lower(afterRange - 1)) || unitWords.contains(message.tokens[afterRange - 1]) {
            return Amount(range: index..<afterRange, isExplicit: true)
        }
        if index + 1 < message.count, unitWords.contains(message.tokens[index + 1]) {
            let end = index + 2 < message.count && unitWords.contains(message.tokens[index + 2]) ? index + 3 : index + 2
            return Amount(range: index..<end, isExplicit: true)
        }
        if index + 1 < message.count, periods.match(in: message, at: index + 1) != nil {
            return Amount(range: index..<(index + 1), isExplicit: false)
        }
        return nil
    }

    /// After a number: `to 20k`, `- 20k`, or a magnitude word (`grand`, `k`, `dollars`).
    private static func extendRange(from index: Int, in message: MessageText) -> Int {
        var end = index
        if end + 1 < message.count, ["to", "-", "and"].contains(message.lower(end)), message.tokens[end + 1].isNumber {
            end += 2
        }
        // `thousand euros`, `k USD`: a magnitude and a currency.
        for _ in 0..<2 where end < message.count && unitWords.contains(message.tokens[end]) { end += 1 }
        return end
    }

    private static func qualifier(endingAt end: Int, in message: MessageText) -> Int? {
        for length in (1...3).reversed() where end - length >= 0 {
            if let match = qualifiers.match(in: message, at: end - length), match.range.upperBound == end {
                return match.range.lowerBound
            }
        }
        return nil
    }

    /// Digits with optional `,` `.` `-` and a magnitude suffix; not a year, ordinal or percentage-like code.
    private static func isAmountNumber(_ text: String) -> Bool {
        let allowed = text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" || $0 == "k" || $0 == "m" || $0 == "b" }
        return allowed && text.first?.isNumber == true
    }

    private static func hasMagnitudeSuffix(_ text: String) -> Bool {
        guard let last = text.last, text.first?.isNumber == true else { return false }
        return (last == "k" || last == "m" || text.hasSuffix("mm") || text.hasSuffix("bn")) && text.dropLast().allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" || $0 == "m" }
    }
}
