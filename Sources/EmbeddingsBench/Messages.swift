/// Sales-chat text for the bench: messages of an exact length cut from a fixed sentence pool.
enum Messages {
    static let sentences = [
        "Hi, we're evaluating CRMs for a 50-person sales team.", "How much does the Pro plan cost per seat?",
        "Do you integrate with Salesforce and HubSpot?", "Our budget is around $50k per year.",
        "Can we get a demo next Tuesday at 10am?", "We need SSO, SCIM provisioning and audit logs.",
        "Is there a discount for annual billing?", "The dashboard has been loading slowly since Monday.",
        "Could you send the contract to legal@acme.example for review?", "We don't need phone support.",
        "What happens to our data if we cancel?", "Is onboarding included, or is there a setup fee?",
        "Our IT team asked for your SOC 2 report.", "Can I import 12,000 leads from a spreadsheet?",
        "The invoice shows €1,200 instead of €900.", "Thanks, that answers my question!",
    ]

    /// `length` characters of the pool, starting at sentence `variant` (mod the pool's size).
    static func message(length: Int, variant: Int) -> String {
        var text = "", count = 0, i = variant
        while count < length {
            let sentence = (text.isEmpty ? "" : " ") + sentences[i % sentences.count]
            text += sentence
            count += sentence.count
            i += 1
        }
        return String(text.prefix(length))
    }
}
