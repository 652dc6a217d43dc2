import SalesCore

/// Features of where the message stands: turn position, slots already known, and what the
/// agent said last (a price, a question, a proposal).
enum ContextFeatures {
    static let priceWords: WordSet = ["price", "pricing", "priced", "cost", "costs", "$", "\u{20AC}", "\u{00A3}", "month", "year", "seat", "per", "plan", "quote"]
    static let proposalWords: WordSet = ["demo", "call", "trial", "pilot", "send", "book", "schedule", "walk", "show", "calendar", "invite", "next"]

    static func add(message: MessageText, context: SlotValues, history: [GoldenTurn.Message], to features: inout Set<String>) {
        let customerTurns = history.filter { $0.role == "customer" }.count
        features.insert(customerTurns == 0 ? "h:turn1" : customerTurns == 1 ? "h:turn2" : customerTurns < 5 ? "h:turn3-5" : "h:turn6+")
        for slot in [Slot.objection, .budgetAmount, .nextStep, .buyingSignal, .painPoint, .currentSolution] where context[slot] != nil {
            features.insert("h:ctx-" + slot.rawValue)
        }
        if context.isEmpty { features.insert("h:ctx-empty") }
        guard let agent = history.last(where: { $0.role == "agent" }) else {
            features.insert("h:no-agent")
            return
        }
        let text = MessageText(agent.text)
        if text.tokens.contains(where: { priceWords.contains($0) }) { features.insert("h:agent-price") }
        let namesMoney = MoneyScanner.amounts(in: text).contains(where: \.isExplicit)
        if namesMoney { features.insert("h:agent-money") }
        if text.tokens.contains(where: { $0.lower == "?" }) { features.insert("h:agent-question") }
        if text.tokens.contains(where: { proposalWords.contains($0) }) { features.insert("h:agent-proposal") }
        for token in text.tokens where token.isWord { features.insert("a:" + token.lower) }
        var acts = AgentActs.of(text)
        if text.tokens.contains(where: { $0.lower == "?" }) { acts.append("question") }
        if namesMoney { acts.append("money") }
        for act in acts { features.insert("h:agent-" + act) }
        // A short answer means something only against what the agent did.
        guard message.count <= 8 else { return }
        for act in acts {
            for token in message.tokens where token.isWord { features.insert("x:" + act + "&" + token.lower) }
        }
    }
}
