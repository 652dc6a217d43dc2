/// What the guard still gets wrong on set 9 (listed from `sales-agent check-opt-out`), after the
/// rules were fixed against it (the learned model does not train on it: see
/// `OptOutTrainer.trainingFiles`). Held out (before any fix) the rules caught 184 of 240 and
/// flagged 12, the guard 211 and 14. Its false opt-outs: leaving a group chat while asking for
/// direct messages, "please don't" declining a visit, and "text first" before a call.
extension OptOutChallengeSet {
    static let set9 = OptOutChallengeSet(
        file: "Tests/Fixtures/opt-out-challenge9.jsonl", optOuts: 240,
        knownMisses: [
            "no pls",
        ],
        knownFalseOptOuts: [
            "Please remove me from the WhatsApp group for the pop-up event, too many notifications, but DM me the final details directly.",
            "please don't",
            "I don't like being called out of the blue, so next time please text first to ask if it's a good moment.",
        ])
}
