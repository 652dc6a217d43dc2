/// The words the guards know, as data. Every list is lowercase; a word maps to the canonical
/// value its term carries, so synonyms ("yearly", "annual") agree and opposites disagree.
enum GuardLexicon {
    /// Negation words (`n't` arrives as `not`).
    static let negations: Set<String> = [
        "not", "no", "never", "without", "cannot", "none", "nor", "neither", "except", "excluding", "unless", "nothing",
        "nobody", "nowhere",
    ]

    /// Polarity words: `axis:pole`. Two messages that both name an axis must name the same
    /// poles in the same order.
    static let polarity: [String: String] = {
        var map: [String: String] = [:]
        func add(_ axis: String, _ pole: String, _ words: [String]) {
            for word in words { map[word] = "\(axis):\(pole)" }
        }
        add("amount", "up", ["increase", "increases", "increased", "increasing", "raise", "raises", "raised", "higher", "more", "grow", "extra", "additional"])
        add("amount", "down", ["decrease", "decreases", "decreased", "decreasing", "reduce", "reduces", "reduced", "lower", "less", "fewer", "cut", "shrink"])
        add("plan", "up", ["upgrade", "upgrades", "upgraded", "upgrading"])
        add("plan", "down", ["downgrade", "downgrades", "downgraded", "downgrading"])
        add("billing", "monthly", ["monthly"])
        add("billing", "annual", ["annual", "annually", "yearly"])
        add("billing", "quarterly", ["quarterly"])
        add("inclusion", "in", ["include", "includes", "included", "including", "inclusive"])
        add("inclusion", "out", ["exclude", "excludes", "excluded", "exclusive"])
        add("sequence", "before", ["before", "prior", "ahead"])
        add("sequence", "after", ["after", "following", "afterwards"])
        add("price", "low", ["cheap", "cheaper", "cheapest", "inexpensive", "affordable"])
        add("price", "high", ["expensive", "pricier", "priciest", "costlier", "pricey"])
        add("membership", "add", ["add", "adds", "added", "adding"])
        add("membership", "remove", ["remove", "removes", "removed", "removing", "delete", "deletes", "deleted", "deleting"])
        add("transfer", "in", ["import", "imports", "imported", "importing", "upload", "uploads", "uploaded"])
        add("transfer", "out", ["export", "exports", "exported", "exporting", "download", "downloads", "downloaded"])
        add("switch", "on", ["enable", "enables", "enabled", "activate", "activated", "allow", "allows", "allowed", "permit"])
        add("switch", "off", ["disable", "disables", "disabled", "deactivate", "deactivated", "block", "blocks", "blocked", "prevent", "forbid", "deny"])
        add("phase", "start", ["start", "starts", "started", "begin", "begins", "began", "commence"])
        add("phase", "end", ["end", "ends", "ended", "stop", "stops", "stopped", "finish", "finishes", "terminate", "expire", "expires"])
        add("limit", "min", ["minimum", "min", "least", "smallest"])
        add("limit", "max", ["maximum", "max", "largest", "biggest"])
        add("trade", "buy", ["buy", "buys", "bought", "purchase", "purchases", "purchased"])
        add("trade", "sell", ["sell", "sells", "sold", "resell"])
        add("deal", "win", ["win", "won", "winning"])
        add("deal", "lose", ["lose", "lost", "losing"])
        add("contract", "renew", ["renew", "renews", "renewed", "renewal", "extend", "extends", "extended"])
        add("contract", "cancel", ["cancel", "cancels", "cancelled", "canceled", "cancellation", "churn"])
        add("speed", "fast", ["fast", "faster", "fastest", "quick", "quicker", "quickest"])
        add("speed", "slow", ["slow", "slower", "slowest"])
        add("timing", "early", ["early", "earlier", "earliest"])
        add("timing", "late", ["late", "later", "latest", "overdue"])
        add("visibility", "public", ["public"])
        add("visibility", "private", ["private"])
        add("direction", "inbound", ["inbound", "incoming"])
        add("direction", "outbound", ["outbound", "outgoing"])
        add("quality", "good", ["better", "best", "good"])
        add("quality", "bad", ["worse", "worst", "bad"])
        add("amount", "up", ["up", "rise", "rises", "rising", "rose"])
        add("amount", "down", ["down", "fall", "falls", "falling", "fell", "drop", "drops"])
        add("decision", "yes", ["accept", "accepts", "accepted", "accepting", "approve", "approves", "approved", "approving", "grant", "grants", "granted", "granting"])
        add("decision", "no", ["reject", "rejects", "rejected", "rejecting", "decline", "declines", "declined", "declining", "revoke", "revokes", "revoked", "revoking", "refuse", "refused"])
        add("effort", "easy", ["easy", "easier", "easiest", "simple", "simpler"])
        add("effort", "hard", ["hard", "harder", "hardest", "difficult", "complicated"])
        add("sequence", "before", ["advance", "upfront", "beforehand"])
        add("sequence", "after", ["arrears"])
        add("data", "rest", ["rest"])
        add("data", "transit", ["transit"])
        add("visibility", "public", ["publicly"])
        add("visibility", "private", ["privately"])
        return map
    }()

    /// Roles, singular. Their multiset and their order must agree ("admin … user" / "user … admin").
    static let roles: [String: String] = {
        var map: [String: String] = [:]
        func add(_ role: String, _ words: [String]) {
            for word in words { map[word] = role }
        }
        add("admin", ["admin", "admins", "administrator", "administrators"])
        add("user", ["user", "users", "member", "members", "end-user"])
        add("guest", ["guest", "guests"])
        add("owner", ["owner", "owners"])
        add("vendor", ["vendor", "vendors", "supplier", "suppliers", "provider", "providers"])
        add("customer", ["customer", "customers", "client", "clients"])
        add("buyer", ["buyer", "buyers"])
        add("seller", ["seller", "sellers"])
        add("manager", ["manager", "managers"])
        add("rep", ["rep", "reps", "representative", "representatives"])
        add("partner", ["partner", "partners", "reseller", "resellers"])
        add("employee", ["employee", "employees", "staff"])
        add("contractor", ["contractor", "contractors", "freelancer", "freelancers"])
        add("agent", ["agent", "agents"])
        add("prospect", ["prospect", "prospects"])
        add("supervisor", ["supervisor", "supervisors"])
        add("parent", ["parent", "parents"])
        add("child", ["child", "children"])
        add("subprocessor", ["subprocessor", "subprocessors", "processor", "processors"])
        add("controller", ["controller", "controllers"])
        for department in ["sales", "marketing", "legal", "finance", "procurement", "engineering", "security", "it", "hr"] {
            add(department, [department])
        }
        return map
    }()

    /// Persons: who does what to whom.
    static let persons: [String: String] = [
        "you": "you", "your": "you", "yours": "you", "we": "we", "us": "we", "our": "we", "ours": "we", "i": "i", "me": "i",
        "my": "i", "mine": "i", "they": "they", "them": "they", "their": "they",
    ]

    /// Quantity words and their class.
    static let quantities: [String: String] = {
        var map: [String: String] = [:]
        func add(_ value: String, _ words: [String]) {
            for word in words { map[word] = value }
        }
        add("all", ["all", "every", "each", "entire", "whole", "everyone", "everybody"])
        add("few", ["few", "couple", "handful", "several"])
        add("many", ["many", "lots", "hundreds", "thousands", "dozens", "millions", "numerous", "multiple", "tons"])
        add("some", ["some", "certain", "part"])
        add("single", ["single", "sole", "only"])
        add("most", ["most", "majority"])
        add("half", ["half"])
        add("double", ["double", "twice"])
        add("triple", ["triple", "thrice"])
        add("both", ["both"])
        return map
    }()

    /// Feature and product words that are names even when written in lowercase.
    static let features: [String: String] = {
        var map: [String: String] = [:]
        for word in [
            "sso", "saml", "scim", "oidc", "oauth", "ldap", "mfa", "2fa", "api", "webhook", "csv", "pdf", "xlsx", "excel",
            "sandbox", "audit", "rbac", "sla", "dpa", "nda", "msa", "hipaa", "gdpr", "soc", "iso", "pci", "ccpa", "analytics",
            "forecasting", "dashboard", "encryption", "backup", "slack", "zapier", "crm", "erp", "ios", "android", "invoice",
            "paypal", "discount", "refund", "report", "residency", "retention", "recording", "transcription", "transcript",
            "offline", "key", "role", "domain", "sms", "web", "desktop", "browser", "extension", "plugin", "method", "terms",
            "sentiment", "intent", "complaint", "summary", "tone", "topic", "category",
        ] {
            map[word] = word
            map[word + "s"] = word
        }
        map["invoiced"] = "invoice"
        map["invoicing"] = "invoice"
        map["recorded"] = "recording"
        return map
    }()

    /// Months and weekdays: as names they are dates.
    static let calendarNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "q1", "q2", "q3", "q4", "h1", "h2", "fy",
    ]

    /// Date words that need no capital.
    static let dateWords: Set<String> = [
        "today", "tomorrow", "yesterday", "tonight", "weekend", "weekday", "eod", "eow", "eom", "eoy", "asap", "now", "spring",
        "summer", "autumn", "winter", "quarter",
    ]

    /// Words after which `next`, `this`, `last` … make a relative date.
    static let dateUnits: Set<String> = [
        "day", "week", "month", "quarter", "year", "weekend", "morning", "afternoon", "evening", "night", "time", "cycle",
        "term", "period", "sprint", "season",
    ]

    /// Markers of a relative date, when a date unit or calendar name follows.
    static let relativeDateMarkers: [String: String] = [
        "next": "next", "coming": "next", "upcoming": "next", "this": "this", "current": "this", "last": "last",
        "previous": "last", "past": "last", "prior": "last",
    ]

    /// Times of day and time zones.
    static let timeWords: Set<String> = [
        "noon", "midnight", "morning", "afternoon", "evening", "night", "est", "edt", "pst", "pdt", "cst", "cdt", "mst",
        "mdt", "utc", "gmt", "cet", "cest", "bst", "ist", "jst", "aest", "et", "pt", "ct",
    ]

    /// Currency symbols and words.
    static let currencies: [String: String] = [
        "$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "bucks": "usd", "€": "eur", "eur": "eur", "euro": "eur",
        "euros": "eur", "£": "gbp", "gbp": "gbp", "pound": "gbp", "pounds": "gbp", "¥": "jpy", "yen": "jpy", "jpy": "jpy",
        "cad": "cad", "aud": "aud", "chf": "chf", "inr": "inr", "rupees": "inr",
    ]

    /// Duration units after a number, and how many of the base unit (hours or months) each is.
    static let durations: [String: (unit: String, scale: Double)] = [
        "day": ("hours", 24), "days": ("hours", 24), "week": ("hours", 168), "weeks": ("hours", 168), "month": ("months", 1),
        "months": ("months", 1), "quarter": ("months", 3), "quarters": ("months", 3), "year": ("months", 12),
        "years": ("months", 12), "yr": ("months", 12), "yrs": ("months", 12), "hour": ("hours", 1), "hours": ("hours", 1),
        "hr": ("hours", 1), "hrs": ("hours", 1), "minute": ("hours", 1.0 / 60), "minutes": ("hours", 1.0 / 60),
        "mins": ("hours", 1.0 / 60),
    ]

    /// Number words and their values; `hundred` and larger multiply what precedes them.
    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    static let numberScales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000, "m": 1_000_000,
        "mm": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
    ]

    /// Words that are never names, even capitalised inside a sentence.
    static let neverNames: Set<String> = ["i", "a", "an", "the", "ok", "okay"]
}
