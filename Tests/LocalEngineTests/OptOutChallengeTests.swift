import Foundation
import LocalEngine
import SalesCore
import Testing

/// The third opt-out set written by someone who never saw the rules (225 opt-outs, 175
/// look-alikes, 94 registers). Before the rules were fixed against it, the guard caught
/// 191 of 225 and called 13 look-alikes opt-outs. It is no longer a held-out set. What it
/// still gets wrong is listed here, so a fix shows as a shorter list and a regression fails.
@Suite("Opt-out challenge set 3")
struct OptOutChallengeTests {
    /// Opt-outs the guard still misses: an autocorrected verb (`testing` for `texting`), a
    /// pick from the agent's lettered options, and "get these to stop" with nothing naming
    /// what "these" are.
    static let knownMisses: Set<String> = [
        "Stop testing me, I'm not interested.",
        "The last one. Go with the last one.",
        "How do I get these to stop? I want them to stop. Just do it on your end please.",
    ]
    /// Look-alikes it still calls opt-outs: a partial unsubscribe that keeps another
    /// mailing (arguably an opt-out from one list) and a joke about a competitor's newsletter.
    static let knownFalseOptOuts: Set<String> = [
        "Can you unsubscribe me from the daily alerts but keep the weekly summary coming?",
        "I'll unsubscribe from your competitor's newsletter if you beat their price, ha.",
    ]

    @Test("no opt-out is missed and no look-alike flagged beyond the known ones")
    func challengeSet() throws {
        let cases = try OptOutCase.load("Tests/Fixtures/opt-out-challenge3.jsonl")
        #expect(cases.filter(\.optOut).count == 225)
        let guardrail = OptOutGuard()
        var missed: Set<String> = []
        var flagged: Set<String> = []
        for item in cases {
            let verdict = guardrail.check(message: item.text, history: item.history ?? [])
            if item.optOut, verdict == nil { missed.insert(item.text) }
            if !item.optOut, verdict != nil { flagged.insert(item.text) }
        }
        #expect(missed.subtracting(Self.knownMisses).isEmpty, "new misses: \(missed.subtracting(Self.knownMisses).sorted())")
        #expect(flagged.subtracting(Self.knownFalseOptOuts).isEmpty, "new false opt-outs: \(flagged.subtracting(Self.knownFalseOptOuts).sorted())")
        #expect(missed == Self.knownMisses, "fixed, remove from the list: \(Self.knownMisses.subtracting(missed).sorted())")
        #expect(flagged == Self.knownFalseOptOuts, "fixed, remove from the list: \(Self.knownFalseOptOuts.subtracting(flagged).sorted())")
    }
}
