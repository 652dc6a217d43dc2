import SalesCore

/// What the agent's last message did, as the classifier sees it: quoted a price, asked
/// about budget, timing, decision or pain, proposed a next step, greeted, said goodbye.
/// A short customer answer ("too much", "ok fine", "not yet") means something only
/// against it.
enum AgentActs {
    static let acts: [(name: String, cues: PhraseSet)] = [
        ("asks-budget", PhraseSet(["budget", "spend", "price range", "afford", "ballpark", "budgeted", "invest"])),
        ("asks-timeline", PhraseSet(["when", "timeline", "timing", "how soon", "by when", "go live", "start date", "deadline"])),
        ("asks-decision", PhraseSet(["who else", "decide", "decision", "sign off", "sign-off", "approve", "approval", "involved", "stakeholders"])),
        ("asks-pain", PhraseSet(["challenge", "problem", "pain", "struggle", "struggling", "not working", "biggest", "frustrat", "costing you"])),
        ("greets", PhraseSet(["welcome", "hi", "hello", "thanks for reaching", "thanks for getting in touch", "what brings you", "how can i help"])),
        ("goodbye", PhraseSet(["talk soon", "bye", "have a great", "have a good", "take care", "speak soon", "see you"])),
        ("proposes", PhraseSet(["demo", "trial", "pilot", "call", "meeting", "book", "schedule", "next step", "calendar", "send over", "send you"])),
        ("explains", PhraseSet(["yes", "it does", "we support", "we integrate", "our platform", "you can", "it can", "works with", "includes"])),
        ("apologizes", PhraseSet(["sorry", "apologize", "apologies", "my mistake"])),
        ("reassures", PhraseSet(["secure", "security", "soc 2", "gdpr", "references", "case study", "customers like", "guarantee"])),
        ("asks-permission", PhraseSet(["follow up", "check back", "circle back", "keep in touch", "reach out again", "touch base"])),
    ]

    /// The acts of `agent`'s message.
    static func of(_ agent: MessageText) -> [String] {
        acts.filter { $0.cues.occurs(in: agent) }.map(\.name)
    }
}
