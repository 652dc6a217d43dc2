import LocalEngine
import SalesCore
import Testing

/// Look-alikes the guard lets pass for a reason, which the classifier scored as opt-outs
/// before `OptOutLookAlike` (set 4 and the dev split, out of fold): the engine must not call
/// them `opt_out`, and a short reply that depends on history is left to the model.
@Suite("Opt-out look-alikes the classifier may not call opt_out")
struct OptOutLookAlikeTests {
    static let lookAlikes = [
        "Please stop the trial from auto-renewing.",
        "Please don't call me on Fridays, I'm out of office. Monday works.",
        "Please to stop the automatic renewal of subscription, I want pay monthly instead.",
        "I changed jobs — please use my new address, kim@tessellate.ai, I'd still like the updates.",
        "Please delete the duplicate account I created by mistake — keep the one with my work email.",
        "Please don't contact my team directly; send everything through me.",
        "I've asked twice now — please remove the late fee from my account.",
        "I unsubscribed from the newsletter by mistake, can you add me back?",
        "Please stop the demo environment from sending test emails to our real customers!",
        "Please call my assistant rather than me for scheduling; I'm still the buyer.",
        "Don't ever stop sending these, they're genuinely useful.",
        "Yes, by post please, I do not read emails often. Yours faithfully, Arthur Penrose",
    ]

    @Test("each is recognised as a look-alike and not detected as opt_out", arguments: lookAlikes)
    func notOptOut(_ message: String) throws {
        #expect(OptOutGuard().check(message: message) == nil)
        #expect(OptOutGuard().isLookAlike(message: message))
        let engine = LocalEngine(model: .shipped, playbook: try Playbooks.shipped(), embedder: SharedEmbedder.instance)
        #expect(engine.detect(message: message, context: SlotValues(), history: []).situation != .optOut)
    }

    @Test(
        "`opt me out of` a contract term or renewal is no opt-out; of contact it is",
        arguments: [
            ("Yes, opt me out of the autorenewal. I would rather decide myself.", false),
            ("can you opt me out of the annual plan and bill monthly", false),
            ("Can we opt out of the annual contract and go month-to-month instead?", false),
            ("Opt me out of the beta newsletter, thanks.", true),
            ("opt me out of the contract renewal reminder emails", true),
            ("opt me out of everything", true),
        ])
    func optingOutOfTerms(_ message: String, _ optOut: Bool) {
        #expect((OptOutGuard().check(message: message) != nil) == optOut)
    }

    @Test("short replies and real requests are not look-alikes", arguments: ["yes remove it", "remove me", "no more texts", "nope"])
    func notLookAlike(_ message: String) {
        #expect(!OptOutGuard().isLookAlike(message: message))
    }
}
