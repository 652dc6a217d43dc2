import SalesCore

/// Why the opt-out guard called a message an opt-out: the rule that fired.
public struct OptOutVerdict: Sendable, Hashable, Codable {
    /// The rule's name, e.g. `stop_contact`, `remove_from_list`, `history_declines_contact`.
    public var rule: String

    /// A verdict naming `rule`.
    public init(rule: String) {
        self.rule = rule
    }
}

/// The deterministic, high-recall opt-out detector (SPEC §2: `opt_out` is never missed).
///
/// It runs on every turn, on both backends, before any classifier; what it finds no model
/// can overrule. It reads the message the way a person would: SMS keywords (`STOP`,
/// `UNSUBSCRIBE`), requests to stop or not to contact (any channel, any politeness), removal
/// from lists and databases, legal wording (consent withdrawal, erasure, cease and desist),
/// short answers to the agent's own "shall I keep in touch?" question, a few other
/// languages, and typos or spaced-out letters of the key words. It stays quiet on the
/// look-alikes: a product question about unsubscribe links, "stop by our booth",
/// "not interested, thanks" (an objection), or a cue quoted as someone else's words.
/// Where no rule fires, the learned ``OptOutModel`` reads the message (rule `learned`):
/// wording no rule names, unless the rules call it a look-alike.
public struct OptOutGuard: Sendable {
    /// The learned half; nil: the rules alone.
    public let model: OptOutModel?

    /// The guard with `model` (the shipped one by default; nil for the rules alone). It
    /// holds no state.
    public init(model: OptOutModel? = .shipped) {
        self.model = model
    }

    /// The verdict when `message` asks not to be contacted, nil otherwise. `history` is the
    /// conversation so far, oldest first; the agent's last message is read, and the
    /// customer's last one when this message confirms or carries on what that one asked.
    public func check(message: String, history: [GoldenTurn.Message] = []) -> OptOutVerdict? {
        let text = OptOutText(message)
        guard !text.words.isEmpty else { return nil }
        if let verdict = ownVerdict(text, history: history) { return verdict }
        // `Please confirm in writing that this has been done.` or `and the email list`
        // right after an opt-out.
        guard OptOutRules.confirmation.occurs(in: text.normalized) || OptOutRules.continuation.occurs(in: text.normalized),
            let last = history.lastIndex(where: { $0.role == "customer" }),
            ownVerdict(OptOutText(history[last].text), history: Array(history[..<last])) != nil
        else { return nil }
        return OptOutVerdict(rule: "history_continues_opt_out")
    }

    /// True when `message` reads like an opt-out but says why contact goes on (a product
    /// term to stop, `add me back`, another way to reach them, a time limit): a message the
    /// guard passed that no model may call `opt_out` (``OptOutLookAlike``).
    public func isLookAlike(message: String) -> Bool {
        OptOutLookAlike.holds(OptOutText(message))
    }

    private func ownVerdict(_ text: OptOutText, history: [GoldenTurn.Message]) -> OptOutVerdict? {
        // The agent's message is read only when the answer depends on it: a keyword-only
        // reply, or a short one (`OptOutHistory` judges replies of at most ten words).
        let agentMessage = history.last(where: { $0.role == "agent" })
        if OptOutRules.isKeywordOnly(text) {
            let agent = agentMessage.map { OptOutText($0.text) }
            let answersAgent = agent.map { agent in text.words.contains { OptOutHistory.agentUsed($0, in: agent) } } ?? false
            if !answersAgent { return OptOutVerdict(rule: "keyword") }
        }
        if let rule = OptOutRules.firstRule(in: text) { return OptOutVerdict(rule: rule) }
        if OptOutRules.hasBareStop(text) { return OptOutVerdict(rule: "bare_stop") }
        if let agentMessage, OptOutHistory.isShortReply(text), let verdict = OptOutHistory.verdict(reply: text, agent: OptOutText(agentMessage.text)) {
            return verdict
        }
        // `Please confirm in writing` is an opt-out only after one: the history decides, not the model.
        guard let model, !OptOutRules.confirmation.occurs(in: text.normalized), !OptOutRules.continuation.occurs(in: text.normalized),
            model.probability(text, history: history) >= model.threshold, !OptOutLookAlike.holds(text)
        else { return nil }
        return OptOutVerdict(rule: "learned")
    }
}
