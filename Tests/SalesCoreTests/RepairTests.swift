import SeededRandom
import SalesCore
import Testing

@Suite("LLM output repair")
struct RepairTests {
    let message = "I'm Priya, head of ops at Globex. We have about $20k and that's more than we budgeted."

    @Test(arguments: [
        #"{"slots": {"contact_name": "Priya", "budget_amount": "about $20k"}}"#,
        "Sure! Here you go:\n```json\n{\"slots\": {\"contact_name\": \"Priya\", \"budget_amount\": \"about $20k\",}}\n```",
        #"{"contact_name": "Priya", "budget_amount": "about $20k"}"#,
        "{\u{201C}slots\u{201D}: {\u{201C}contact_name\u{201D}: \u{201C}Priya\u{201D}, \u{201C}budget_amount\u{201D}: \u{201C}about $20k\u{201D}}}",
        #"{"slots": {"Contact Name": "priya", "budgetAmount": "About $20K"}}"#,
    ])
    func captureIsRepairedToVerbatimSlots(answer: String) {
        let (slots, _) = OutputRepair.capture(answer, message: message)
        #expect(slots[.contactName] == "Priya")
        #expect(slots[.budgetAmount] == "about $20k")
        for (_, value) in slots { #expect(message.contains(value)) }
    }

    /// Found by `scripts/fuzz.sh` (target `repair`): a value of more tokens than the
    /// message has words trapped in `SpanSnapping` ("Range requires lowerBound <= upperBound").
    @Test func valueLongerThanTheMessageIsDroppedNotATrap() {
        let answer = #"{"sze": 12, "timeline": ["sze_12_timel_q_7Q7",]}"#
        #expect(SpanSnapping.snap("a b c d e f", into: "one two") == nil)
        let (slots, notes) = OutputRepair.capture(answer + "}1 ", message: ")\u{A5}\u{D3} Q3")
        #expect(slots.count == 0)
        #expect(notes.unquotedValues == ["timeline"])
    }

    @Test func unknownSlotsAndInventedValuesAreDropped() {
        let answer = #"{"slots": {"favourite_colour": "blue", "competitors": "Initech", "objection": "more than we budgeted"}}"#
        let (slots, notes) = OutputRepair.capture(answer, message: message)
        #expect(slots.count == 1)
        #expect(slots[.objection] == "more than we budgeted")
        #expect(notes.unknownSlots == ["favourite_colour"])
        #expect(notes.unquotedValues == ["competitors"])
    }

    @Test func paraphrasedValueSnapsToTheClosestSpan() {
        let (slots, notes) = OutputRepair.capture(#"{"slots":{"contact_role":"Head of Operations at Globex"}}"#, message: message)
        #expect(slots[.contactRole].map { message.contains($0) } == true)
        #expect(notes.snappedValues == ["contact_role"])
    }

    @Test func detectionRepair() {
        #expect(OutputRepair.detect(#"{"situation":"objection_price","confidence":0.91}"#).0 == Detection(situation: .objectionPrice, confidence: 0.91))
        #expect(OutputRepair.detect("The answer is {\"situation\": \"Objection-Price\", \"confidence\": \"85%\"}").0 == Detection(situation: .objectionPrice, confidence: 0.85))
        #expect(OutputRepair.detect(#"{"situation":"stall"}"#).0?.confidence == 0.5)
        #expect(OutputRepair.detect("stall").0?.situation == .stall)
        let (unknown, notes) = OutputRepair.detect(#"{"situation":"angry_customer","confidence":0.9}"#)
        #expect(unknown == nil)
        #expect(notes.unknownSituation == "angry_customer")
    }

    /// Fuzz: whatever an LLM writes, repair never crashes and never returns a value
    /// that is not a substring of the message, or a name that is not a slot.
    @Test func fuzzedAnswersNeverBreakTheInvariants() {
        var generator = SplitMix64(seed: 42)
        let fragments = [
            "{", "}", "\"", "slots", ":", ",", "[", "]", "contact_name", "budget_amount", "Priya", "$20k", "```json", "\n",
            "null", "12", "true", "\\", "objection", "more than", "über", "😀", "situation", "confidence", "0.4", "'",
        ]
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 30)
            let answer = (0..<length).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }.joined()
            let (slots, _) = OutputRepair.capture(answer, message: message)
            for (_, value) in slots { #expect(message.contains(value), "\(answer)") }
            if let detection = OutputRepair.detect(answer).0 {
                #expect((0...1).contains(detection.confidence))
            }
        }
    }
}
