/// Distinct, realistic sales-and-support questions by index, for benchmarks that need text
/// an embedder clusters the way it clusters real traffic (shared openers, verbs and objects),
/// not random vectors. `question(i)` is different for every `i < count`; the same on every run.
public enum BenchSentences {
    static let openers = [
        "How do I", "Can I", "Is it possible to", "What is the best way to", "Where can I", "Do you let us", "Could my team",
        "Why can't I", "When can we", "Who can help me",
    ]
    static let verbs = [
        "export", "import", "archive", "share", "sync", "schedule", "approve", "audit", "rename", "merge", "tag", "filter",
        "forecast", "assign", "track", "migrate", "back up", "restore", "encrypt", "customize", "automate", "review", "sort",
        "print", "duplicate",
    ]
    static let objects = [
        "invoices", "contacts", "deals", "quotes", "contracts", "leads", "pipelines", "dashboards", "reports", "email templates",
        "call recordings", "meeting notes", "support tickets", "price books", "discount rules", "user roles", "custom fields",
        "territories", "sales targets", "renewal dates", "product catalogs", "purchase orders", "shipping labels", "tax settings",
        "webhooks", "audit logs", "signatures", "attachments", "chat transcripts", "onboarding tasks", "calendars",
        "opportunity stages", "commission plans", "account owners", "lead scores", "campaign lists", "survey results",
        "payment links", "subscription plans", "team inboxes",
    ]
    static let contexts = [
        "from the mobile app", "in the admin console", "for a whole region", "between two workspaces", "with the Salesforce connector",
        "via the public API", "during a free trial", "for our finance team", "on the enterprise plan", "from a spreadsheet",
        "inside Slack", "in bulk", "for archived accounts", "with single sign-on", "across time zones", "for a new hire",
        "from HubSpot", "without admin rights", "for each sales rep", "in the EU data centre", "on a shared device",
        "for partner accounts", "after a merger", "in our sandbox", "for recurring customers",
    ]
    static let tails = ["?", " today?", " this quarter?", " automatically?", " without losing history?", " at the same time?"]

    /// How many distinct questions there are.
    public static let count = openers.count * verbs.count * objects.count * contexts.count * tails.count

    /// Question `index` (taken modulo `count`); consecutive indexes are spread over the whole
    /// space (a multiplication by a prime that does not divide `count`), not one opener.
    public static func question(_ index: Int) -> String {
        var j = Int((UInt64(index % count) &* 1_000_003) % UInt64(count))
        func digit(_ base: Int) -> Int {
            defer { j /= base }
            return j % base
        }
        let tail = tails[digit(tails.count)], context = contexts[digit(contexts.count)]
        let object = objects[digit(objects.count)], verb = verbs[digit(verbs.count)], opener = openers[digit(openers.count)]
        return "\(opener) \(verb) \(object) \(context)\(tail)"
    }

    /// A retelling of `question(index)` that normalises differently (a leading word that is not
    /// a filler) but should score above 0.92 against it.
    public static func paraphrase(_ index: Int) -> String {
        "Actually, " + question(index).prefix(1).lowercased() + question(index).dropFirst()
    }
}
