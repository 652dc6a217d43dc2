/// What the guard still gets wrong on set 7 (listed from `sales-agent check-opt-out`): figurative
/// requests with no contact word ("keep it at nine forever"), long stories with the request in
/// one clause, and short answers to questions the history rules do not read as "keep in touch?".
/// Its false opt-outs: a colleague's request quoted while engaging,
/// a "Stop!" that only interrupts, a channel redirect, and questions about the customer's own lists.
extension OptOutChallengeSet {
    static let set7 = OptOutChallengeSet(
        file: "Tests/Fixtures/opt-out-challenge7.jsonl", optOuts: 240,
        knownMisses: [
            "Wow, a fifth email about scaffolding software this month. What an honour. Let's make it the last one, shall we?",
            "Next text to this number goes straight to our attorney. This is a private cell, not a business line.",
            "Funny, I don't remember signing up for daily wellness-tech updates. Make them go away.",
            "Honestly, the kindest thing you could do for our co-op is stop calling the feed mill.",
            "Your 'friendly check-in' count is up to nine. Let's keep it at nine forever.",
            "I've been a landscaper for twenty-six years and I'm not what you'd call a computer person. My daughter handles the website. So when your texts started coming to my phone, I figured it was her business. Turns out it isn't, she's never heard of you. So please quit texting me. I don't know how you got my number. I mostly use the phone for my crews and my customers, and every time it buzzes I think somebody's sprinkler line broke. Thank you kindly.",
            "That's a no from me.",
            "It's the best number for you to forget.",
            "All of it.",
            "Hang up the phone and walk away, friend. We're not buying.",
            "I'd appreciate it if my cell number were struck from your records. It's the after-hours line for the boarding kennel.",
            "Please make sure none of our nurses get your marketing again. I'm the DON and they report to me.",
            "You know what would make my morning? Not seeing your name in my inbox. Can we arrange that permanently?",
            "Unplug me from whatever automation you've got running. I didn't sign up and I don't want it.",
        ],
        knownFalseOptOuts: [
            "Please don't send me more brochures by post, is wasting paper. Send PDF to my email, I will read with my partner.",
            "Stop! Before you send the contract, the legal name is Hillside Grain Cooperative, not Hillside Farms.",
            "My colleague told you to stop calling, I know. He's on vacation. I'm interested, so talk to me.",
            "Our congregation members ask to be removed from the prayer chain email sometimes. Can the admin do that in two clicks?",
        ])
}
