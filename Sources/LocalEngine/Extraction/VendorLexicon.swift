/// Well-known software vendors and products, across the categories a B2B buyer names
/// (CRM, support, HR/payroll, finance, security, data, devtools, vertical software).
enum VendorLexicon {
    static let names: [String] = [
        // CRM, sales, marketing
        "Salesforce", "Salesforce Nonprofit Cloud", "HubSpot", "Pipedrive", "Zoho", "Zoho CRM", "Close", "Copper", "Insightly",
        "Dynamics", "Microsoft Dynamics", "Outreach", "Salesloft", "Gong", "Chorus", "Apollo", "ZoomInfo", "Clari",
        "Marketo", "Pardot", "Mailchimp", "Klaviyo", "Constant Contact", "ActiveCampaign", "Braze", "Iterable",
        "Hootsuite", "Sprout Social", "Buffer", "Later", "Sprinklr", "Semrush", "Ahrefs", "Calendly", "Chili Piper",
        "Drift", "Qualified", "6sense", "Demandbase", "Follow Up Boss", "kvCORE", "CoStar", "LoopNet", "Yardi",
        "AppFolio", "Buildium", "RealPage", "Entrata", "Piano",
        // Support and communication
        "Zendesk", "Freshdesk", "Freshservice", "Intercom", "Help Scout", "Front", "Gorgias", "Kustomer", "Gladly",
        "ServiceNow", "Jira Service Management", "Slack", "Microsoft Teams", "Teams", "Zoom", "RingCentral", "Aircall",
        "Dialpad", "Twilio", "Podium", "Birdeye", "Weave", "Zingle", "Textline", "Remind", "ParentSquare", "TeamDynamix",
        // HR, payroll, workforce
        "ADP", "Paychex", "Paycom", "Paylocity", "Gusto", "Rippling", "Deel", "Remote", "Oyster", "Justworks",
        "TriNet", "Workday", "BambooHR", "Namely", "UKG", "Kronos", "Ceridian", "Dayforce", "Cornerstone", "Lattice",
        "Culture Amp", "Greenhouse", "Lever", "Workable", "iCIMS", "Toast Payroll", "7shifts", "Homebase", "When I Work",
        "Deputy", "Sling", "HotSchedules", "Connecteam", "Highway",
        // Finance, payments, commerce
        "QuickBooks", "Xero", "NetSuite", "Sage", "Sage Intacct", "FreshBooks", "Bill.com", "Expensify", "Ramp",
        "Brex", "Navan", "Coupa", "Stripe", "Adyen", "Braintree", "PayPal", "Square", "Toast", "Clover", "Shopify",
        "BigCommerce", "WooCommerce", "Magento", "ShipStation", "ShipBob", "Shippo", "EasyPost", "Flexport", "Avalara",
        "Wise", "Payoneer", "Airwallex", "Tipalti", "Commerce7", "WineDirect", "Lightspeed", "Mindbody",
        // Security and compliance
        "Snyk", "Veracode", "Checkmarx", "SonarQube", "Semgrep", "GitHub Advanced Security", "Nessus",
        "Nessus Professional", "Tenable", "Qualys", "Rapid7", "CrowdStrike", "SentinelOne", "Okta", "Auth0",
        "Duo", "1Password", "LastPass", "Vanta", "Drata", "Secureframe", "OneTrust", "KnowBe4", "Ivanti",
        "Palo Alto", "Zscaler", "Cloudflare", "Wiz", "Lacework", "Onfido", "Persona", "Jumio", "Alloy", "Sardine",
        "Sift", "Socure", "Trail of Bits",
        // Data, analytics, infrastructure
        "Datadog", "New Relic", "Splunk", "Dynatrace", "Grafana", "Elastic", "Sumo Logic", "PagerDuty", "Opsgenie",
        "Fivetran", "Airbyte", "Stitch", "Segment", "Snowflake", "Databricks", "BigQuery", "Redshift", "dbt", "Looker",
        "Looker Studio", "Tableau", "Power BI", "Mode", "Metabase", "Amplitude", "Mixpanel", "Heap", "Google Analytics",
        "GA4", "Excel", "Google Sheets", "Airtable", "Smartsheet", "AWS", "Azure", "GCP", "Heroku", "Vercel",
        // Devtools and collaboration
        "GitHub", "GitHub Enterprise", "GitLab", "Bitbucket", "Jira", "Confluence", "Asana", "Monday", "monday.com",
        "Trello", "Notion", "ClickUp", "Linear", "Basecamp", "Wrike", "Miro", "Figma", "Dropbox", "Box", "DocuSign",
        "PandaDoc", "Ironclad", "Google Workspace", "Microsoft 365", "Office 365", "SharePoint",
        // Vertical software
        "Procore", "Buildertrend", "BuilderTrend", "CoConstruct", "Autodesk", "Clio", "Clio Draft", "MyCase", "PracticePanther",
        "Smokeball", "Epic", "Cerner", "athenahealth", "eClinicalWorks", "ModMed", "Dentrix", "Eaglesoft", "Open Dental",
        "WebPT", "webpt", "SimplePractice", "Kareo", "Weave", "PowerSchool", "Infinite Campus", "Canvas", "Blackboard",
        "Banner", "Ellucian", "Slate", "EAB Navigate", "Navigate", "Blackbaud", "Bloomerang", "DonorPerfect",
        "Little Green Light", "Raiser's Edge", "Samsara", "Motive", "KeepTruckin", "GeoTab", "Geotab", "Verizon Connect",
        "McLeod", "Trimble", "JDLink", "Fiix", "UpKeep", "Limble", "MaintainX", "Augury", "Cloudbeds", "Mews",
        "Opera", "RoomRaccoon", "Guesty", "OpenTable", "Resy", "SevenRooms", "Olo", "Veeva", "Guidewire", "Duck Creek",
        "Applied Epic", "EZLynx", "HawkSoft", "Encompass", "Blend", "nCino", "Q2", "Jack Henry", "Fiserv", "FIS",
    ]

    /// Entries that are also common English words: matched only when capitalized in the message.
    static let ambiguous: WordSet = [
        "close", "copper", "dynamics", "outreach", "apollo", "drift", "qualified", "later", "buffer", "front", "teams",
        "zoom", "remind", "remote", "oyster", "lever", "sling", "deputy", "highway", "sage", "ramp", "square", "toast",
        "clover", "wise", "stitch", "segment", "mode", "heap", "monday", "linear", "box", "epic", "canvas", "banner",
        "slate", "navigate", "motive", "opera", "weave", "alloy", "sift", "duo", "elastic", "persona", "piano",
        "lightspeed", "excel", "blend", "encompass", "cornerstone", "workable", "capsule", "folk", "streak", "nimble",
        "otter", "fathom", "wingman", "nice", "kit", "drip", "moz", "sprout", "crisp", "ada", "catalyst", "bob", "patriot",
        "atlas", "sterling", "nectar", "humanity", "harvest", "wave", "bench", "pilot", "float", "cube", "mosaic",
        "funnel", "census", "sigma", "hex", "make", "workplace", "flock", "lark", "keeper", "defender", "orca", "aqua",
        "cobalt", "route", "bold", "stamped", "circuit", "chime", "avail", "jane", "splash", "absorb", "clever", "revel",
        "tock", "seesaw", "fergus", "foundation", "virtuous", "classy", "amazon", "bill", "sap", "oracle", "infor", "unleashed",
        "katana", "convoy", "caseload", "recharge", "teamwork", "podio", "coda", "citrix", "expel", "loop", "dat",
        "gusto",
    ]

    static let phrases = PhraseSet(names + catalog)
    private static let words: Set<String> = Set((names + catalog).map { Tokenizer.tokenize($0).map(\.lower) }.filter { $0.count == 1 }.map { $0[0] })

    /// True when `word` is a one-word vendor name (so it is not taken for a person).
    static func isVendorWord(_ word: String) -> Bool { words.contains(word) && !ambiguous.contains(word) }

    /// General platforms a business runs on or sells through (office suites, chat apps,
    /// clouds, marketplaces, social networks): used today, but not what a B2B tool replaces,
    /// so not competitors unless the customer says they do the same job.
    static let platforms: WordSet = [
        "excel", "microsoft excel", "google sheets", "google sheet", "google docs", "google drive", "google forms",
        "word", "microsoft word", "powerpoint", "google slides", "outlook", "gmail", "office 365", "microsoft 365",
        "sharepoint", "onedrive", "dropbox", "google workspace", "g suite", "whatsapp", "telegram", "wechat", "viber",
        "facebook", "instagram", "tiktok", "linkedin", "youtube", "twitter", "pinterest", "snapchat", "aws", "azure",
        "gcp", "google cloud", "etsy", "amazon", "ebay", "walmart marketplace", "shopee", "lazada", "mercado libre",
        "tiktok shop", "github", "gitlab", "bitbucket", "google calendar",
    ]

    /// True when the vendor at `range` is a general platform (see `platforms`).
    static func isPlatform(_ range: Range<Int>, in message: MessageText) -> Bool {
        platforms.contains(range.map { message.lower($0) }.joined(separator: " "))
    }

    /// Every vendor named in `message`, longest match first at each position.
    static func mentions(in message: MessageText) -> [Range<Int>] {
        phrases.matches(in: message).map(\.range).filter { range in
            guard range.count == 1 else { return true }
            let word = message.lower(range.lowerBound)
            if WordLists.weekdays.contains(word) || WordLists.quarters.contains(word) { return false }
            guard ambiguous.contains(word) else { return true }
            return message.tokens[range.lowerBound].isCapitalized && !isTitleWord(after: range, in: message)
                && !isInterjection(range, in: message) && !isPartOfOtherName(range, in: message)
                && !isSentenceInitialWord(range, in: message)
        }
    }

    /// `Lark Hill Estate`: an ambiguous word followed by another capitalized word (not an
    /// acronym such as `POS`) is part of some other name.
    private static func isPartOfOtherName(_ range: Range<Int>, in message: MessageText) -> Bool {
        guard range.upperBound < message.count else { return false }
        let next = message.tokens[range.upperBound]
        return next.isWord && next.isCapitalized && message.span(range.upperBound..<(range.upperBound + 1)).contains { $0.isLowercase }
    }

    /// Words after a name that say something about it (`Sage handles payroll`, `Toast is fine`).
    static let nameFollowers: WordSet = [
        "is", "was", "does", "did", "has", "had", "works", "worked", "keeps", "handles", "handled", "costs", "charges",
        "sucks", "crashes", "can", "can't", "won't", "doesn't", "isn't", "wasn't", "already", "just", "still", "never",
        "also", "really", "and", "or", "'s", "for", "at", "in", "but", "runs", "integrates", "syncs",
        ",", ".", "?", "!",
    ]

    /// `Front desk goes back to paper`: an ambiguous word capitalized only because it starts
    /// a sentence, followed by a word that does not speak of it as a name.
    private static func isSentenceInitialWord(_ range: Range<Int>, in message: MessageText) -> Bool {
        let starts = range.lowerBound == 0 || [".", "!", "?", "\n"].contains(message.lower(range.lowerBound - 1))
        guard starts, range.upperBound < message.count else { return false }
        return !nameFollowers.contains(message.tokens[range.upperBound])
    }

    /// Words that make an ambiguous name part of a job title: `Deputy General Counsel`.
    static let titleFollowers: WordSet = [
        "general", "secretary", "director", "head", "manager", "chief", "principal", "mayor", "minister", "commissioner",
        "ceo", "cfo", "coo", "cto", "cio", "president", "chair", "counsel", "editor", "superintendent", "dean",
    ]

    /// `Nice to meet you`, `Nice nice.`, `Mucho gusto`: an ambiguous word used as a word.
    private static func isInterjection(_ range: Range<Int>, in message: MessageText) -> Bool {
        let word = message.lower(range.lowerBound)
        let next = range.upperBound < message.count ? message.lower(range.upperBound) : "."
        let previous = range.lowerBound > 0 ? message.lower(range.lowerBound - 1) : "."
        return [".", ",", "!", "to", word].contains(next) && [".", ",", "!", "mucho", "very", "so"].contains(previous)
    }

    private static func isTitleWord(after range: Range<Int>, in message: MessageText) -> Bool {
        range.upperBound < message.count && titleFollowers.contains(message.tokens[range.upperBound])
    }
}
