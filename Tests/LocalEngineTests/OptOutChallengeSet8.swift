/// What the guard still gets wrong on set 8 (listed from `sales-agent check-opt-out`), after the
/// rules were fixed against it and the learned model trained on it: office euphemism with no
/// contact word ("take us out of rotation", "park us indefinitely"), requests about other
/// people's inboxes, and short answers whose history the rules do not read as "keep in touch?".
/// Held out (before any fix) the rules caught 97 of 240 and flagged 9, the guard 145 and 12.
/// Its one false opt-out removes an ex-employee from the account's contacts while the writer
/// stays engaged.
extension OptOutChallengeSet {
    static let set8 = OptOutChallengeSet(
        file: "Tests/Fixtures/opt-out-challenge8.jsonl", optOuts: 240,
        knownMisses: [
            "Please take us out of rotation for your SDR team.",
            "Please park us indefinitely — and by indefinitely I mean don't drop us into a 90-day recycle.",
            "Our CISO has asked that vendors stop approaching the security team via LinkedIn and email. That includes you.",
            "Hey, saw your Slack Connect invite. Please don't invite our workspace again; we don't talk to vendors in there, or anywhere else for that matter.",
            "you can go away now 👍\n\n> p.s. not the right person? just tell me and I'll stop reaching out",
            "Could whoever manages your list delete ap-invoices@ from it? It's an automated inbox and your emails are clogging our processing queue.",
            "Please don't. Not that one, and not anything after it.",
            "Put me down for zero. Quarterly, monthly, ever.",
            "No, nor the week after, nor any week after that.",
            "Nope. Consider this thread — and us — closed.",
            "No texts. Not before, not after. I'm cancelling the demo as well, and I'd like this to be the end of it.",
            "There's no one here you should speak with. Myself included.",
        ],
        knownFalseOptOuts: [
            "Oksana is no longer with the company. Please delete her from the account contacts and send the onboarding invite to me instead.",
        ])
}
