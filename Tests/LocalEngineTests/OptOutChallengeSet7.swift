/// What the guard still gets wrong on set 7 (listed from `sales-agent check-opt-out`): figurative
/// requests with no contact word ("keep it at nine forever"), long stories with the request in
/// one clause, and short answers to questions the history rules do not read as "keep in touch?".
/// Some the learned model caught when it trained on sets 3–7 only; trained on set 8 as well, it
/// scores them below its threshold. Its false opt-outs: a colleague's request quoted while
/// engaging, a channel redirect, and a question about the customer's own lists.
extension OptOutChallengeSet {
    static let set7 = OptOutChallengeSet(
        file: "Tests/Fixtures/opt-out-challenge7.jsonl", optOuts: 240,
        knownMisses: [
            "Wow, a fifth email about scaffolding software this month. What an honour. Let's make it the last one, shall we?",
            "Who do I talk to to get off this thing? Every Monday there's another one from you in the co-op inbox.",
            "Take the hint, please. I haven't answered the last six.",
            "Next text to this number goes straight to our attorney. This is a private cell, not a business line.",
            "Funny, I don't remember signing up for daily wellness-tech updates. Make them go away.",
            "Honestly, the kindest thing you could do for our co-op is stop calling the feed mill.",
            "Is there someone I can email so the trucking company stops getting these texts? They come in on the dispatch phone at 2am.",
            "Your 'friendly check-in' count is up to nine. Let's keep it at nine forever.",
            "I've been a landscaper for twenty-six years and I'm not what you'd call a computer person. My daughter handles the website. So when your texts started coming to my phone, I figured it was her business. Turns out it isn't, she's never heard of you. So please quit texting me. I don't know how you got my number. I mostly use the phone for my crews and my customers, and every time it buzzes I think somebody's sprinkler line broke. Thank you kindly.",
            "That's a no from me.",
            "Please don't.",
            "I'd rather you didn't, next week or any week.",
            "Final answer is no, and no Friday text either.",
            "It's the best number for you to forget.",
            "All of it.",
            "The chickens and I have discussed it, and we'd prefer you stop emailing the egg farm.",
            "Nobody at Pinecrest Dental requested your emails, and nobody wants them. Purge our addresses, please.",
            "Hang up the phone and walk away, friend. We're not buying.",
            "I'd appreciate it if my cell number were struck from your records. It's the after-hours line for the boarding kennel.",
            "Please make sure none of our nurses get your marketing again. I'm the DON and they report to me.",
            "Ever heard the phrase 'quit while you're ahead'? Now's your chance.",
            "You know what would make my morning? Not seeing your name in my inbox. Can we arrange that permanently?",
            "Is there an off switch for you people? I'd like to flip it for the whole clinic.",
        ],
        knownFalseOptOuts: [
            "Please don't send me more brochures by post, is wasting paper. Send PDF to my email, I will read with my partner.",
            "My colleague told you to stop calling, I know. He's on vacation. I'm interested, so talk to me.",
            "Our congregation members ask to be removed from the prayer chain email sometimes. Can the admin do that in two clicks?",
        ])
}
