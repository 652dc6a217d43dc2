import SalesCore

/// Finds company size (`200 employees`, `Series B`, `40-person`, `12 of us`) and team size
/// (`15 reps`, `team of 12`, `14 QA techs`).
enum SizeScanner {
    static let companyUnits: WordSet = [
        "employees", "employee", "people", "staff", "persons", "ftes", "fte", "headcount", "students", "undergrads",
        "locations", "stores", "offices", "sites", "branches", "clinics", "hospitals", "schools", "campuses",
        "restaurants", "properties", "hotels", "rooms", "units", "trucks", "vehicles", "newsrooms", "shows",
        "attorneys", "lawyers", "doctors", "dentists", "dermatologists", "physicians", "electricians", "nurses", "guys",
        "members", "beds", "warehouses", "plants", "facilities", "stations", "houses", "homes", "brokers", "providers",
        "practices", "franchises", "venues", "gyms", "studios", "shops", "outlets", "centers", "plumbers", "workers",
        "volunteers", "partners", "vets", "veterinarians", "therapists", "pharmacies", "dealerships", "farms",
        "buildings", "apartments", "doors", "tenants", "customers", "clients", "brands", "sellers", "drivers",
        "bays", "chairs", "players", "kids", "children", "pupils", "residents", "accounts", "vans", "rigs", "vessels",
        "ships", "aircraft", "planes", "berths", "boats", "desks", "hectares", "acres", "sheds", "birds", "cows", "head",
        "silos", "swimmers", "squads", "centres", "restaurantes", "athletes", "families", "parishes", "congregations",
        "solicitors", "surgeries", "salons", "bars", "cafes", "kitchens", "depots", "yards",
    ]
    static let teamUnits: WordSet = [
        "agents", "reps", "engineers", "developers", "devs", "techs", "technicians", "advisors", "execs", "executives",
        "recruiters", "analysts", "designers", "sdrs", "bdrs", "aes", "marketers", "dispatchers", "paralegals",
        "accountants", "bookkeepers", "csms", "admins", "counselors", "inspectors", "operators", "users", "seats",
        "coordinators", "specialists", "editors", "writers", "managers", "planners", "instructors", "teachers",
        "trainers", "mechanics", "consultants", "associates", "support", "people", "folks",
        "architects", "scientists", "earners", "hygienists", "interpreters", "translators", "stylists", "painters", "cooks",
        "chefs", "cleaners", "caregivers", "carers", "tutors", "coaches", "researchers", "buyers", "estimators", "surveyors",
        "pharmacists", "auditors", "investigators", "adjusters", "underwriters", "paramedics", "installers", "pickers",
    ]
    /// Departments after `N in`: `3 in sales`, `12 in support`.
    static let departments: WordSet = [
        "sales", "support", "ops", "operations", "engineering", "marketing", "finance", "it", "hr", "dispatch", "accounts",
        "cs", "cx", "product", "design", "legal", "procurement", "logistics", "admin", "billing", "service",
    ]
    /// Words after a hyphen that make `40-person` a size.
    static let compoundUnits: WordSet = [
        "person", "people", "employee", "attorney", "lawyer", "broker", "room", "bed", "store", "location", "doctor",
        "dentist", "agent", "rep", "seat", "truck", "school", "clinic", "unit", "member", "partner", "provider",
        "engineer", "office", "site", "property", "chair", "bay", "van", "desk",
    ]
    /// Verbs before a count that make it a volume of business, not a size.
    static let volumeVerbs: WordSet = [
        "sell", "sold", "sells", "selling", "ship", "shipped", "ships", "shipping", "make", "made", "makes", "produce",
        "produced", "produces", "move", "moved", "moves", "deliver", "delivered", "delivers", "process", "processed",
    ]
    /// Spelled-out counts (`two bars`, `nine resort properties`, `twenty-two staff`); not
    /// `one`, which is more often a pronoun than a count.
    static let numberWords: WordSet = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "hundred", "dozen", "hundreds", "dozens",
    ]
    static let stages = PhraseSet([
        "series a", "series b", "series c", "series d", "series e", "seed-stage", "seed stage", "pre-seed",
        "bootstrapped", "family-owned", "family owned", "publicly traded", "fortune 500", "fortune 1000", "mid-market",
        "mid market", "small business", "startup", "solo practice", "one-person", "just me",
    ])
    static let qualifiers: WordSet = ["about", "around", "roughly", "~", "over", "nearly", "almost", "some", "approximately", "approx", "just", "only", "like", "under", "maybe", "close", "to", "than", "more", "less"]
    static let teamLeads = PhraseSet(["team of", "a team of", "crew of", "staff of"])

    /// The company size and team size found in `message`.
    static func sizes(in message: MessageText) -> (company: Range<Int>?, team: Range<Int>?) {
        var company: Range<Int>?
        var team: Range<Int>?
        var index = 0
        while index < message.count {
            if let lead = teamLeads.match(in: message, at: index), lead.range.upperBound < message.count,
                message.tokens[lead.range.upperBound].isNumber
            {
                if team == nil { team = index..<(lead.range.upperBound + 1) }
                index = lead.range.upperBound + 1
                continue
            }
            if let stage = stages.match(in: message, at: index) {
                if company == nil { company = stage.range }
                index = stage.range.upperBound
                continue
            }
            guard let found = measure(in: message, at: index) else {
                index += 1
                continue
            }
            let range = extend(found.range, in: message)
            if found.isTeam {
                if team == nil { team = range }
            } else if company == nil {
                company = range
            }
            index = range.upperBound
        }
        return (company, team)
    }

    /// `N [modifier] unit`, `N of us`, `N-person`, with a qualifier before.
    private static func measure(in message: MessageText, at index: Int) -> (range: Range<Int>, isTeam: Bool)? {
        let token = message.tokens[index]
        guard token.isNumber || token.lower == "me" || isNumberWord(token.lower) else { return nil }
        var start = index
        while start > 0, index - start < 2, qualifiers.contains(message.tokens[start - 1]) { start -= 1 }
        if token.isNumber, let hyphen = token.lower.firstIndex(of: "-") {
            let suffix = String(token.lower[token.lower.index(after: hyphen)...])
            if compoundUnits.contains(suffix) { return (start..<(index + 1), false) }
        }
        if token.lower == "me" {
            guard index + 2 < message.count, message.lower(index + 1) == "and" else { return nil }
            let opensClause = message.clause(at: index)?.lowerBound == index
            guard opensClause || (index > 0 && ["just", "it's", "its", "only", "is"].contains(message.lower(index - 1))) else { return nil }
            let clauseEnd = message.clause(at: index)?.upperBound ?? message.count
            return (start..<min(index + 4, clauseEnd), true)
        }
        if index + 2 < message.count, isCount(token), message.lower(index + 1) == "in", departments.contains(message.tokens[index + 2]) {
            return (start..<(index + 3), true)
        }
        if index + 2 < message.count, message.lower(index + 1) == "of", ["us", "them"].contains(message.lower(index + 2)) {
            return (start..<(index + 3), message.lower(index + 2) == "them")
        }
        guard isCount(token) else { return nil }
        // `we sold 300 units`, `ship 2k boxes`: a volume, not how big the company is.
        if start > 0, volumeVerbs.contains(message.tokens[start - 1]) { return nil }
        // `a 50 person fintech`, `a 4 chair salon`: a count and a singular unit, no hyphen.
        if index + 1 < message.count, compoundUnits.contains(message.tokens[index + 1]), index + 2 < message.count,
            message.tokens[index + 2].isWord, !teamUnits.contains(message.tokens[index + 2])
        {
            return (start..<(index + 2), false)
        }
        for gap in 0...2 {
            let unitIndex = index + 1 + gap
            guard unitIndex < message.count else { break }
            let unit = message.lower(unitIndex)
            if gap > 0, !message.tokens[unitIndex - 1].isWord { break }
            if teamUnits.contains(unit), unit != "people", unit != "folks" { return (start..<(unitIndex + 1), true) }
            if companyUnits.contains(unit) { return (start..<(unitIndex + 1), false) }
        }
        return nil
    }

    /// A count: digits (`1,850`, `3-4`, `20k`) or a spelled-out number.
    private static func isCount(_ token: Token) -> Bool {
        if isNumberWord(token.lower) { return true }
        guard token.isNumber else { return false }
        var digits = Substring(token.lower)
        if digits.hasSuffix("k") { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" || $0 == "+" }
    }

    /// `two`, `twenty-two`, `forty-one`.
    private static func isNumberWord(_ word: String) -> Bool {
        if numberWords.contains(word) { return true }
        let parts = word.split(separator: "-").map(String.init)
        return parts.count == 2 && parts.allSatisfy { numberWords.contains($0) || $0 == "one" }
    }

    /// Joins a following size: `4 locations and about 60 staff`, `20,000 employees across 14 hospitals`.
    private static func extend(_ range: Range<Int>, in message: MessageText) -> Range<Int> {
        var end = range.upperBound
        guard end + 1 < message.count, [",", "and", "across", "in"].contains(message.lower(end)) else { return range }
        if let next = measure(in: message, at: end + 1) ?? (end + 2 < message.count ? measure(in: message, at: end + 2) : nil),
            next.range.lowerBound <= end + 2
        {
            end = next.range.upperBound
        }
        return range.lowerBound..<end
    }
}
