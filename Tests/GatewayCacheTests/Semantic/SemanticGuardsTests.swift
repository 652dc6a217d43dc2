import GatewayCache
import Testing

@Suite("Semantic guards")
struct SemanticGuardsTests {
    @Test(
        "each guard category vetoes its near-miss",
        arguments: [
            ("Can you do $50k for the annual contract?", "Can you do $80k for the annual contract?", GuardVetoReason.number),
            ("What's the price for 50 seats?", "What's the price for 500 seats?", .number),
            ("Is the $20,000 quote inclusive of support?", "Is the €20,000 quote inclusive of support?", .currency),
            ("Can we get 10% off the annual plan?", "Can we get 20% off the annual plan?", .percent),
            ("Can we schedule the demo for next Friday?", "Can we schedule the demo for this Friday?", .date),
            ("Does the promo end on March 31?", "Does the promo end on May 31?", .date),
            ("Can we do the call at 9am?", "Can we do the call at 9pm?", .time),
            ("Is support available at 10am EST?", "Is support available at 10am PST?", .time),
            ("Can we add a few seats mid-contract?", "Can we add hundreds of seats mid-contract?", .quantity),
            ("Do you integrate with Salesforce?", "Do you integrate with HubSpot?", .name),
            ("Is SSO included in the Business plan?", "Is SCIM included in the Business plan?", .name),
            ("Which plans include SSO?", "Which plans don't include SSO?", .negation),
            ("What happens if we renew with the discount?", "What happens if we renew without the discount?", .negation),
            ("How do I upgrade to the Business plan?", "How do I downgrade to the Business plan?", .polarity),
            ("Is the price lower if we pay monthly?", "Is the price lower if we pay annually?", .polarity),
            ("How do I lock a record?", "How do I unlock a record?", .polarity),
            ("How do we migrate from Zendesk to Freshdesk?", "How do we migrate from Freshdesk to Zendesk?", .order),
            ("Can we switch from monthly to annual billing?", "Can we switch from annual to monthly billing?", .order),
            ("Does the vendor indemnify the customer?", "Does the customer indemnify the vendor?", .order),
            ("Do you owe us service credits if you miss the SLA?", "Do we owe you service credits if we miss the SLA?", .order),
            ("How long is the free trial?", "When does the free trial start?", .question),
        ])
    func vetoes(_ pair: (String, String, GuardVetoReason)) {
        #expect(SemanticGuards.veto(pair.0, pair.1) == pair.2, "\(pair.0) | \(pair.1)")
        #expect(SemanticGuards.veto(pair.1, pair.0) != nil, "reversed: \(pair.1) | \(pair.0)")
    }

    @Test(
        "retypes, paraphrases and equal amounts pass",
        arguments: [
            ("Do you support SSO with Okta?", "do you support sso with okta??"),
            ("Can you do $50,000 for the annual contract?", "Can you do 50k dollars for the annual contract?"),
            ("What's the price for 100 seats?", "What's the price for one hundred seats?"),
            ("Is there a discount for a 12-month commitment?", "Is there a discount for a one-year commitment?"),
            ("Is a budget of $1.2M per year enough for Enterprise?", "Is a budget of $1,200,000 per year enough for Enterprise?"),
            ("Why don't you support SCIM?", "Why do you not support SCIM?"),
            ("hey, quick question: how much is the Pro plan?", "How much is the Pro plan?"),
            ("Do you support SSO and SCIM?", "Do you support SCIM and SSO?"),
            ("How much is the Pro plan?", "What does the Pro plan cost?"),
            ("Do you offer a discount for annual billing?", "Do you give a discount for yearly billing?"),
            ("Do you integrate with Slack and Microsoft Teams?", "Do you integrate with Microsoft Teams and Slack?"),
            ("Does the Starter plan include phone support? Thanks in advance!", "Does the Starter plan include phone support?"),
        ])
    func passes(_ pair: (String, String)) {
        #expect(SemanticGuards.veto(pair.0, pair.1) == nil, "\(pair.0) | \(pair.1)")
    }

    @Test("a hostile message is read in bounded time and vetoes nothing by itself")
    func hostile() {
        let long = String(repeating: "Salesforce from to 9am $5 not ", count: 20_000)
        #expect(SemanticGuards.veto(long, long) == nil)
        #expect(MessageWords.split(long).count < 2_000)
    }
}

@Suite("Normalised message")
struct NormalizedMessageTests {
    @Test("case, whitespace, punctuation and fillers do not change the key")
    func retypes() {
        let key = NormalizedMessage.text(of: "How much is the Pro plan?")
        #expect(NormalizedMessage.text(of: "  how much   is the PRO plan ??") == key)
        #expect(NormalizedMessage.text(of: "Hi there! How much is the Pro plan? Thanks!") == key)
        #expect(NormalizedMessage.text(of: "What's included?") == NormalizedMessage.text(of: "Whats included"))
    }

    @Test("numbers keep their decimal point and symbols")
    func numbers() {
        #expect(NormalizedMessage.text(of: "Is the fee 1.5%?") != NormalizedMessage.text(of: "Is the fee 15%?"))
        #expect(NormalizedMessage.text(of: "Is it $50?") != NormalizedMessage.text(of: "Is it €50?"))
        #expect(NormalizedMessage.text(of: "Is it $50?") == "is it $ 50")
    }
}
