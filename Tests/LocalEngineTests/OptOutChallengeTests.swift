import Foundation
import LocalEngine
import SalesCore
import Testing

/// The opt-out sets written by someone who never saw the rules. Set 3: 225 opt-outs, 175
/// look-alikes, 94 registers; before the rules were fixed against it the guard caught 191 of
/// 225 and called 13 look-alikes opt-outs. Set 4: 240 opt-outs, 180 look-alikes (other
/// languages, typos, legal wording, channels, long messages with the request inside); before
/// its fixes the guard alone caught 221 of 240 and called 6 look-alikes opt-outs. Set 5: 240
/// opt-outs, 180 look-alikes, a third of the opt-outs indirect, 30 items with a history;
/// before its fixes the guard alone caught 184 of 240 and flagged 12. Set 6: 240 opt-outs,
/// 180 look-alikes, every item a reply inside a B2B sales conversation (multi-part replies,
/// voice transcripts, eight other languages, 40 items with a history); before its fixes the
/// guard alone caught 158 of 240 and flagged 10. Set 7: 240 opt-outs, 180 look-alikes, written
/// as people in other trades (clinics, farms, trades, churches), a third figurative or
/// indirect, 13 more languages, long stories, 40 with a history; held out, the rules alone caught
/// 124 and flagged 6, the rules with the learned model 147 and 7. Set 8: 240 opt-outs, 180
/// look-alikes, enterprise roles and office euphemism, 19 more languages, emoji, 40 with a
/// history; held out, the rules caught 97 and flagged 9, the guard 145 and 12. Set 9: 240
/// opt-outs, 180 look-alikes, individuals and tiny businesses, world Englishes and slang, 15
/// native scripts, 40 short replies with a history; held out, the rules caught 184 and flagged
/// 12, the guard 211 and 14. Set 10: 240 opt-outs, 180 look-alikes, donors, patients and parents,
/// 60 long histories, hedged and double-negative wording, reported requests, pasted forms,
/// regional registers; held out, the rules caught 166 and flagged 15, the guard 209 and 17.
/// Sets 9 and 10 are in the tests only: the learned model does not train on them. None is a held-out set
/// any more: the rules were fixed against each, and the guard's learned model trains on all. What each still gets wrong is listed, so a fix shows as a shorter
/// list and a regression fails.
struct OptOutChallengeSet: Sendable, CustomTestStringConvertible {
    var file: String
    var optOuts: Int
    var knownMisses: Set<String>
    var knownFalseOptOuts: Set<String>

    var testDescription: String { file }

    static let all: [OptOutChallengeSet] = [
        OptOutChallengeSet(
            file: "Tests/Fixtures/opt-out-challenge3.jsonl", optOuts: 225,
            // A pick from the agent's lettered options (the learned model, which trains on
            // this set, takes the other misses the rules have).
            knownMisses: ["The last one. Go with the last one."],
            // A partial unsubscribe that keeps another mailing (arguably an opt-out from one
            // list) and a joke about a competitor's newsletter.
            knownFalseOptOuts: [
                "Can you unsubscribe me from the daily alerts but keep the weekly summary coming?",
                "I'll unsubscribe from your competitor's newsletter if you beat their price, ha.",
            ]),
        OptOutChallengeSet(file: "Tests/Fixtures/opt-out-challenge4.jsonl", optOuts: 240, knownMisses: [], knownFalseOptOuts: []),
        OptOutChallengeSet(
            file: "Tests/Fixtures/opt-out-challenge5.jsonl", optOuts: 240,
            // The learned model, which trains on this set, takes four of the five misses the rules have.
            knownMisses: ["Mr. Patel is no longer with Eastline Freight. Bounce this one out of your system."],
            // Reported speech about another rep, said while engaging.
            knownFalseOptOuts: ["I told the last guy never to call me again, but you seem alright. What's the deal?"]),
        OptOutChallengeSet(
            file: "Tests/Fixtures/opt-out-challenge6.jsonl", optOuts: 240,
            // Arabic in Latin script, a language the rules have no words for.
            knownMisses: [],
            knownFalseOptOuts: []),
        set7,
        set8,
        set9,
        set10,
    ]
}

@Suite("Opt-out challenge sets")
struct OptOutChallengeTests {
    @Test("no opt-out is missed and no look-alike flagged beyond the known ones", arguments: OptOutChallengeSet.all)
    func challengeSet(_ set: OptOutChallengeSet) throws {
        let cases = try OptOutCase.load(set.file)
        #expect(cases.filter(\.optOut).count == set.optOuts)
        let guardrail = OptOutGuard()
        var missed: Set<String> = []
        var flagged: Set<String> = []
        for item in cases {
            let verdict = guardrail.check(message: item.text, history: item.history ?? [])
            if item.optOut, verdict == nil { missed.insert(item.text) }
            if !item.optOut, verdict != nil { flagged.insert(item.text) }
        }
        #expect(missed.subtracting(set.knownMisses).isEmpty, "new misses: \(missed.subtracting(set.knownMisses).sorted())")
        #expect(flagged.subtracting(set.knownFalseOptOuts).isEmpty, "new false opt-outs: \(flagged.subtracting(set.knownFalseOptOuts).sorted())")
        #expect(missed == set.knownMisses, "fixed, remove from the list: \(set.knownMisses.subtracting(missed).sorted())")
        #expect(flagged == set.knownFalseOptOuts, "fixed, remove from the list: \(set.knownFalseOptOuts.subtracting(flagged).sorted())")
    }
}
