/// What the guard still gets wrong on set 10 (listed from `sales-agent check-opt-out`), after the
/// rules were fixed against it (the learned model does not train on it). Held out (before any
/// fix) the rules caught 166 of 240 and flagged 15, the guard 209 and 17. Its misses: pasted forms
/// and chat exports whose request sits in a later line, a time-boxed "no calls until then",
/// Neapolitan with apostrophes read as quote marks. Its false opt-outs: reported stories ("she
/// asked your company to stop calling her"), a quoted "stop texting the coach", "please stop,
/// you're making me blush", an old address to remove from a portal, a friend's unsubscribe.
extension OptOutChallengeSet {
    static let set10 = OptOutChallengeSet(
        file: "Tests/Fixtures/opt-out-challenge10.jsonl", optOuts: 240,
        knownMisses: [
            "It's not impossible that I'll want insurance some day, but if so I'll find you. Until then, no calls, okay?",
            "--- Contact form submission ---\nSubject: Donation inquiry\nDonor ID: 40-11827\nComments: Kindly stop all phone and postal solicitations to this donor. I give online when I choose to.",
            "Chat transcript - Visitor #5821\n(2:41 PM) Visitor: How do I stop getting the weekly box promos?\n(2:41 PM) Visitor: I cancelled and I still get 3 emails a week",
            "Signò, pe' cortesia nun me mannate cchiù 'e messaggi d' 'a palestra. M'aggio cancellato. Grazie assaje.",
            "I think I'm fine now, and I'd rather not be on any lists. If the knee acts up I'll call you, but please don't reach out to me in the meantime.",
            "I'd rather you didn't, if that's alright. A tidy goodbye is what I'm after, no newsletters or deals.",
        ],
        knownFalseOptOuts: [
            "Do you ever share donor details with other charities? I'm fine getting your emails, I just don't want to end up on fifty other lists.",
            "I'm trying to remove my old address from the donor portal but it won't let me. Could you change it for me?",
            "My neighbour told me she asked your company to stop calling her and you did it within a day. That's partly why I trust you. What's the price on the boiler cover?",
            "My son says 'Dad, stop texting the coach', so this is my last message today, I promise! Is practice at 5 or 5:30?",
            "My friend unsubscribed from your box last year and regrets it. Is the intro offer still going?",
            "Please stop, you're making me blush; the campaign video was nothing special. Happy to film another one next month though.",
            "**Questions about the plan:**\n1. Can I opt out of the dental rider?\n2. What's the waiting period for physio?\n3. Is there a family discount?",
            "<Tess> quick q\n<Tess> do you delete the recordings of the telehealth calls or keep them?\n<Tess> asking bc my therapist's office deletes theirs after 30 days",
        ])
}
