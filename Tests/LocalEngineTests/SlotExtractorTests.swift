@testable import LocalEngine
import SalesCore
import Testing

/// The rule extractors on their own (no trained model): each case is a sentence written
/// for this file, with look-alikes that must not fill the slot.
@Suite("Slot extractors")
struct SlotExtractorTests {
    private func slots(_ message: String) -> SlotValues {
        let text = MessageText(message)
        return LocalEngine.values(SlotExtractor.extract(text), in: text)
    }

    private func timeline(_ message: String) -> String? {
        let text = MessageText(message)
        return TimelineScanner.buyingTimeline(in: text).map { text.span($0) }
    }

    @Test(
        "a timeline is when the customer wants to buy, start, switch or decide",
        arguments: [
            ("We'd want to be live by March so the new hires start on it.", "by March"),
            ("Not before September, the whole office is on the relocation.", "before September"),
            ("ok can we start next monday?", "next monday"),
            ("Ideally we switch by end of Q2.", "by end of Q2"),
            ("nothing new until after the holidays", "until after the holidays"),
        ])
    func buyingTimelines(_ message: String, _ expected: String) {
        #expect(timeline(message) == expected)
    }

    @Test(
        "dates of past events, budget periods, busy seasons and next steps are not timelines",
        arguments: [
            "We had an outage in July that cost us two days of orders.",
            "Our budget for this year is already spent.",
            "December is our busiest month by far.",
            "Send me the deck by Thursday and I'll read it.",
            "we ran out of stock twice before black friday",
            "last winter the phones never stopped",
        ])
    func notTimelines(_ message: String) {
        #expect(timeline(message) == nil)
    }

    @Test(
        "sizes written out, abbreviated, without a hyphen, or as a department",
        arguments: [
            ("we run two bars downtown and the stock counts are a mess", Slot.companySize, "two bars"),
            ("We're a 50 person logistics firm in Leeds.", .companySize, "50 person"),
            ("around 20k employees across the group", .companySize, "around 20k employees"),
            ("small marina, 220 berths, all booked on paper", .companySize, "220 berths"),
            ("7 people total, 3 in sales", .teamSize, "3 in sales"),
            ("the practice has six hygienists on rota", .teamSize, "six hygienists"),
        ])
    func sizes(_ message: String, _ slot: Slot, _ expected: String) {
        #expect(slots(message)[slot] == expected, "\(slots(message))")
    }

    @Test("a pronoun `one` or a count of things sold is no size", arguments: ["one of us will call you back", "we sold 300 units last month"])
    func notSizes(_ message: String) {
        let found = slots(message)
        #expect(found[.companySize] == nil && found[.teamSize] == nil, "\(found)")
    }

    @Test(
        "the tool used today spans the tools named with it",
        arguments: [
            ("Right now everything lives in Excel and Google Forms.", "Excel and Google Forms"),
            ("We use NICE for call recording.", "NICE for call recording"),
            ("we use Zendesk and it's slow", "Zendesk"),
        ])
    func currentSolutionSpan(_ message: String, _ expected: String) {
        #expect(slots(message)[.currentSolution] == expected)
    }

    @Test("a general platform used today is no competitor; a replaceable tool is both")
    func platformsAreNotCompetitors() {
        let sheet = slots("We keep the whole schedule in Excel.")
        #expect(sheet[.currentSolution] == "Excel")
        #expect(sheet[.competitors] == nil)
        let helpdesk = slots("We're on Zendesk today.")
        #expect(helpdesk[.currentSolution] == "Zendesk")
        #expect(helpdesk[.competitors] == "Zendesk")
    }

    @Test(
        "words that only look like vendor names are not vendors",
        arguments: [
            "Dear Ms. Ortega, thank you for the note.",
            "I'm the Deputy General Counsel at a regional bank.",
            "Nice to meet you!",
            "Let's talk Monday.",
            "Our OT network is flat and we run on CAPA forms.",
        ])
    func vendorLookAlikes(_ message: String) {
        let found = slots(message)
        #expect(found[.currentSolution] == nil, "\(found[.currentSolution] ?? "")")
        #expect(found[.competitors] == nil, "\(found[.competitors] ?? "")")
    }

    @Test("a letter's addressee is not a stakeholder")
    func addresseeIsNoStakeholder() {
        let found = slots("Dear Mr. Alvarez, our CFO has asked me to reply.")
        #expect(found[.stakeholders] != "Mr. Alvarez")
        #expect(found[.decisionMaker] != "Mr. Alvarez")
    }

    @Test("an approval threshold is not a budget; a stated amount is")
    func approvalThresholds() {
        #expect(slots("Anything over $5k needs my director's approval.")[.budgetAmount] == nil)
        #expect(slots("We have about $5k set aside for this.")[.budgetAmount]?.contains("$5k") == true)
    }

    @Test(
        "what the customer is looking into is the use case",
        arguments: [
            ("The owner asked me to look into answering services.", "answering services"),
            ("We're looking at a new POS for both stores.", "a new POS for both stores"),
        ])
    func useCaseLeads(_ message: String, _ expected: String) {
        #expect(slots(message)[.useCase] == expected)
    }

    @Test(
        "the writer's own name in chat, formal openings and signatures",
        arguments: [
            ("hey its marco from the taco truck", "marco"),
            ("im keisha, owner of a salon downtown", "keisha"),
            ("yea tina here, 9 techs", "tina"),
            ("Good afternoon, Ana Souza, Head of Finance at a logistics firm.", "Ana Souza"),
            ("Noor Haddad here, with a quick question.", "Noor Haddad"),
            ("Thank you for the call.\n\nKind regards,\nFiona Reyes", "Fiona Reyes"),
        ])
    func contactNames(_ message: String, _ expected: String) {
        #expect(slots(message)[.contactName] == expected)
    }

    @Test(
        "words after `its`, `im` or before `here` that are not names",
        arguments: [
            "its fine, thanks", "im tired, long week", "it's expensive, though", "perfect, thanks Chris",
            "procurement here is a beast", "This is spamming", "I'm General Counsel at a bank", "im not sure yet",
        ])
    func notContactNames(_ message: String) {
        #expect(slots(message)[.contactName] == nil, "\(slots(message)[.contactName] ?? "")")
    }
}
