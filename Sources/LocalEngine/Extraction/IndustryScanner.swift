/// Finds the customer's industry: `we're a freight brokerage`, `we run a stamping plant`,
/// `SaaS`, `fintech`. A word inside the company's own name does not count.
enum IndustryScanner {
    static let leads = PhraseSet([
        "we're a", "we are a", "we're an", "we are an", "we run a", "i run a", "we own a", "i own a", "we're a small",
        "at a", "for a", "at an", "for an", "we're in", "we are in", "i'm in", "work in", "our", "we own", "we run",
        "i'm with a", "it's a", "its a", "we're", "we are",
    ])
    /// Nouns that end an industry phrase (`firm`, `plant`, `practice`).
    static let heads: WordSet = [
        "firm", "practice", "practices", "plant", "agency", "network", "brokerage", "co-op", "coop", "bank", "hospital",
        "hospitals", "museum", "school", "winery", "clinic", "clinics", "restaurant", "restaurants", "store", "stores",
        "shop", "manufacturer", "contractor", "provider", "platform", "marketplace", "retailer", "distributor", "lab",
        "studio", "nonprofit", "non-profit", "charity", "district", "university", "college", "hotel", "hotels", "inn",
        "brewery", "bakery", "cafe", "gym", "gyms", "dealership", "warehouse", "carrier", "exchange", "lender",
        "insurer", "marketplace", "newsroom", "publisher", "magazine", "newspaper", "station", "fleet", "farm",
        "ranch", "factory", "mill", "refinery", "salon", "spa", "pharmacy", "church", "academy", "hoa", "builder",
        "developer", "consultancy", "startup", "company", "business", "brand", "chain", "franchise", "group", "office",
    ]
    /// Heads too generic to keep in the value: `a SaaS company` gives `SaaS`.
    static let genericHeads: WordSet = ["company", "business", "startup", "brand", "group", "office"]
    /// Industry words that count on their own.
    static let words = PhraseSet([
        "saas", "fintech", "ecommerce", "e-commerce", "healthcare", "health care", "logistics", "3pl", "manufacturing",
        "retail", "insurance", "lending", "payments", "edtech", "devtools", "nonprofit", "non-profit", "construction",
        "hospitality", "real estate", "cre", "legal", "biotech", "pharma", "higher ed", "higher education", "k-12",
        "government", "automotive", "trucking", "ltl", "freight", "agriculture", "grocery", "dental", "veterinary",
        "dtc", "d2c", "b2b saas", "cybersecurity", "martech", "adtech", "proptech", "insurtech", "healthtech", "crypto",
        "telecom", "media", "publishing", "staffing", "recruiting", "accounting", "banking", "wealth management",
        "property management", "home services", "hvac", "plumbing", "landscaping", "food and beverage", "cpg",
        "medtech", "medical devices", "aerospace", "defense", "energy", "utilities", "oil and gas", "mining",
        "education", "childcare", "senior living", "home health", "behavioral health", "law", "architecture",
    ])
    /// Industry words that are also everyday nouns (`our legal will ask`, `payments come
    /// late`, `privacy law`): they count only where an industry is being named.
    static let ambiguous: WordSet = [
        "legal", "law", "payments", "insurance", "retail", "architecture", "media", "energy", "government", "accounting",
        "banking", "lending", "education", "publishing", "staffing", "recruiting", "utilities", "defense", "construction",
    ]
    /// Words before an ambiguous industry word that name an industry: `we're in retail`.
    static let industryLeads: WordSet = ["in", "into", "a", "an", "we're", "were", "i'm", "im", "for", "do", "does", "it's", "its", "mostly", "all"]
    /// Words after one that do: `insurance broker`, `the retail space`.
    static let industryTails: WordSet = [
        "company", "companies", "firm", "firms", "business", "businesses", "sector", "industry", "space", "startup", "brand",
        "side", "world", "market", "shop", "store", "group", "clinic", "practice", "agency", "broker", "brokers", "brokerage",
        "carrier", "provider", "platform", "chain", "co", "office", "offices", "network",
    ]
    static let skip: WordSet = ["small", "big", "large", "little", "tiny", "growing", "new", "local", "the", "a", "an", "pretty", "very", "fast-growing"]

    /// The industry in `message`, never inside `company`.
    static func industry(in message: MessageText, company: Range<Int>?) -> Range<Int>? {
        for lead in leads.matches(in: message) {
            let needsModifier = message.lower(lead.range.lowerBound) == "our"
            if let phrase = headedPhrase(in: message, from: lead.range.upperBound), !overlaps(phrase, company),
                !needsModifier || phrase.count > 1
            {
                return phrase
            }
        }
        for match in words.matches(in: message) where !overlaps(match.range, company) && namesIndustry(match.range, in: message) {
            if match.range.count == 1, message.tokens[match.range.lowerBound].isCapitalized, message.lower(match.range.lowerBound).count > 4,
                message.lower(match.range.lowerBound) != "saas"
            {
                continue
            }
            return match.range
        }
        return nil
    }

    /// Words up to an industry head noun: `regional food bank`, `estate planning firm`.
    private static func headedPhrase(in message: MessageText, from index: Int) -> Range<Int>? {
        var start = index
        while start < message.count, skip.contains(message.tokens[start]) || SizeScanner.stages.match(in: message, at: start) != nil {
            if let stage = SizeScanner.stages.match(in: message, at: start) { start = stage.range.upperBound } else { start += 1 }
        }
        var cursor = start
        while cursor < message.count, cursor - start < 4, message.tokens[cursor].isWord || message.tokens[cursor].isNumber {
            let word = message.lower(cursor)
            if heads.contains(word) {
                if genericHeads.contains(word) { return cursor > start ? start..<cursor : nil }
                return start..<(cursor + 1)
            }
            if RoleGrammar.stops.contains(word) || message.tokens[cursor].isNumber && cursor == start && !word.hasSuffix("pl") { return nil }
            cursor += 1
        }
        return nil
    }

    /// An ambiguous word counts after an industry lead or before an industry noun.
    private static func namesIndustry(_ range: Range<Int>, in message: MessageText) -> Bool {
        guard range.count == 1, ambiguous.contains(message.tokens[range.lowerBound]) else { return true }
        let before = range.lowerBound > 0 ? message.lower(range.lowerBound - 1) : ""
        let after = range.upperBound < message.count ? message.lower(range.upperBound) : ""
        return industryLeads.contains(before) || industryTails.contains(after)
    }

    private static func overlaps(_ range: Range<Int>, _ other: Range<Int>?) -> Bool {
        guard let other else { return false }
        return range.overlaps(other)
    }
}
