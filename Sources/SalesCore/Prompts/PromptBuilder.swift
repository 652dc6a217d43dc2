import Foundation

/// What the prompts of one turn are built from.
public struct PromptInput: Sendable {
    public var message: String
    public var context: SlotValues
    /// Earlier messages, oldest first: ("customer" | "agent", text).
    public var history: [GoldenTurn.Message]

    public init(message: String, context: SlotValues, history: [GoldenTurn.Message]) {
        self.message = message
        self.context = context
        self.history = history
    }
}

/// Builds the capture, detect and generate prompts. In every prompt the last user message
/// is the customer's message verbatim (the simulator's script responder keys on it);
/// instructions, vocabulary and context go in the system message.
public struct PromptBuilder: Sendable {
    public let playbook: Playbook
    public let variant: PromptVariant
    /// Recent messages included for detect and generate.
    public var historyLimit = 4
    /// Whether capture and detect carry the context and history (``PromptShape``).
    public var shape: PromptShape = .full

    public init(playbook: Playbook, variant: PromptVariant) {
        self.playbook = playbook
        self.variant = variant
    }

    public func capture(_ input: PromptInput) -> [PromptMessage] {
        let system: String
        switch variant {
        case .compact:
            system = """
                Extract slots from the customer message. JSON only: {"slots":{"<slot>":"<exact quote>"}}. \
                Quotes must be verbatim substrings; shortest span keeping the meaning; omit absent slots.
                Slots: \(Slot.allCases.map(\.rawValue).joined(separator: ","))
                \(shape == .cacheable ? "" : "Known: \(Self.json(input.context))")
                """
        case .verbose:
            let slots = Slot.allCases.map { "- \($0.rawValue): \(playbook.slotDescriptions[$0] ?? "")" }.joined(separator: "\n")
            system = """
                You are an assistant that extracts structured information from a customer's message in a sales \
                conversation.

                ## Slots to extract
                \(slots)

                \(shape == .cacheable ? "" : "## What we already know about this customer\n\(Self.json(input.context))\n")
                ## Instructions
                1. Read the customer's message carefully.
                2. For each slot that the message clearly mentions, copy the VERBATIM quote from the message. \
                Each value must be an exact substring of the message, with the same spelling and case.
                3. Use the shortest span that keeps the whole meaning (for example "around 15-20k a year", not "15-20k").
                4. One span may fill two slots (a budget objection is both objection and budget_signal).
                5. Do not guess; leave out slots the message does not mention.
                6. Return only a JSON object of the form {"slots": {"slot_name": "quote"}} with no other text.
                """
        }
        return [PromptMessage(role: "system", content: system), PromptMessage(role: "user", content: input.message)]
    }

    public func detect(_ input: PromptInput) -> [PromptMessage] {
        let system: String
        switch variant {
        case .compact:
            system = """
                Classify what the customer mainly does in the message. JSON only: {"situation":"<name>","confidence":<0-1>}.
                Names: \(Situation.allCases.map(\.rawValue).joined(separator: ","))
                Rules: opt_out (stop/remove) wins; an objection wins over details; pick the objection by its cause.
                \(detectContext(input))
                """
        case .verbose:
            let situations = Situation.allCases.map { "- \($0.rawValue): \(playbook.situationDescriptions[$0] ?? "")" }
                .joined(separator: "\n")
            system = """
                You are an assistant that classifies the situation in a sales conversation.

                ## Possible situations
                \(situations)

                ## Labelling rules
                - One situation per message: what the customer mainly does.
                - opt_out (asks not to be contacted, to be removed, to stop) wins over everything.
                - An objection wins over discovery details in the same message.
                - "Not interested, thanks" without a do-not-contact request is objection_need.
                - Pick the objection kind by its cause, not by the words around it: a price concern voiced \
                through what a manager will think is still objection_price; a blocker that is a person's absence \
                until some date is objection_timing; needing someone else's approval is objection_authority.
                - Rejected competitors described as history are discovery_share; a competitor's claim held \
                against us is objection_competitor.
                - Judge with the conversation so far.

                \(shape == .cacheable ? "## The conversation so far, in short\n" + DetectSignature(context: input.context, history: input.history).promptLines : "## What we know about the customer\n\(Self.json(input.context))\n\n## Conversation so far\n\(recent(input.history))")

                ## Answer
                Return only a JSON object {"situation": "<one of the names above>", "confidence": <number from 0 to 1>}.
                """
        }
        return [PromptMessage(role: "system", content: system), PromptMessage(role: "user", content: input.message)]
    }

    public func generate(_ input: PromptInput, principle: Principle, situation: Situation) -> [PromptMessage] {
        let system: String
        switch variant {
        case .compact:
            system = """
                You are a B2B sales rep. Reply in 1-3 short sentences, plain text.
                Situation: \(situation.rawValue). Apply \(principle.name): \(principle.guidance)
                Known: \(Self.json(input.context))
                \(recent(input.history))
                """
        case .verbose:
            system = """
                You are an experienced, friendly B2B sales representative having a chat conversation with a \
                potential customer. Your replies are short, natural and never pushy.

                ## The customer's current situation
                \(situation.rawValue): \(playbook.situationDescriptions[situation] ?? "")

                ## The principle to apply in this reply
                \(principle.name) — \(principle.summary)
                Source: \(principle.source)
                How to apply it: \(principle.guidance)

                ## What we know about the customer
                \(Self.json(input.context))

                ## Conversation so far
                \(recent(input.history))

                ## Instructions
                Write the next reply to the customer's message below, in 1 to 3 sentences of plain text, \
                applying the principle. Do not invent facts about the customer; use what we know.
                """
        }
        return [PromptMessage(role: "system", content: system), PromptMessage(role: "user", content: input.message)]
    }

    /// The compact detect prompt's context lines: the known values and recent messages, or
    /// only the ``DetectSignature`` when the shape is cacheable.
    private func detectContext(_ input: PromptInput) -> String {
        switch shape {
        case .full: "Known: \(Self.json(input.context))\n\(recent(input.history))"
        case .cacheable: DetectSignature(context: input.context, history: input.history).promptLines
        }
    }

    private func recent(_ history: [GoldenTurn.Message]) -> String {
        let lines = history.suffix(historyLimit).map { "\($0.role): \($0.text)" }
        return lines.isEmpty ? "" : (variant == .compact ? "Recent:\n" : "") + lines.joined(separator: "\n")
    }

    static func json(_ values: SlotValues) -> String {
        guard !values.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(values)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
