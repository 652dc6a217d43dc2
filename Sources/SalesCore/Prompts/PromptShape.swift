/// What the capture and detect requests carry besides the customer's message, which
/// decides whether the gateway's cache can answer them.
public enum PromptShape: String, Sendable, Hashable, CaseIterable, Codable {
    /// Capture and detect see the whole context (values) and the recent history.
    case full
    /// Capture sees the message alone (the agent merges what it finds into the context), so
    /// the same message is the same request in every session; detect sees the message plus
    /// a ``DetectSignature``: only what can change the situation.
    case cacheable
}

/// The part of a conversation that can change how a message is classified: the turn's
/// position, which slots are known (not their values) and the agent's last message (a
/// short answer means something only against it). The local engine's classifier reads
/// the same three things (turn bucket, known slots, the agent's last acts).
public struct DetectSignature: Sendable, Hashable {
    /// `1`, `2`, `3-5` or `6+`: the customer turn this message is.
    public var turnBucket: String
    /// The known slots, in slot order.
    public var knownSlots: [Slot]
    /// The agent's last message, when there is one.
    public var lastAgent: String?

    /// Stands in for a value or an earlier customer message the signature leaves out.
    public static let placeholder = "\u{2026}"

    public init(context: SlotValues, history: [GoldenTurn.Message]) {
        let earlier = history.filter { $0.role == "customer" }.count
        turnBucket = earlier == 0 ? "1" : earlier == 1 ? "2" : earlier < 5 ? "3-5" : "6+"
        knownSlots = context.entries.map { $0.slot }
        lastAgent = history.last(where: { $0.role == "agent" })?.text
    }

    /// Earlier customer messages a history needs to land in `turnBucket`.
    var representativeTurns: Int {
        switch turnBucket {
        case "1": 0
        case "2": 1
        case "3-5": 2
        default: 5
        }
    }

    /// The signature as the lines of a detect prompt.
    public var promptLines: String {
        var lines = ["Turn: \(turnBucket)", "Known slots: \(knownSlots.isEmpty ? "none" : knownSlots.map(\.rawValue).joined(separator: ","))"]
        if let lastAgent { lines.append("Agent said last: \(lastAgent)") }
        return lines.joined(separator: "\n")
    }
}

extension PromptInput {
    /// What a cacheable capture sees: the message alone.
    public var captureView: PromptInput {
        PromptInput(message: message, context: SlotValues(), history: [])
    }

    /// What a cacheable detect sees: the message and the ``DetectSignature`` of its context
    /// and history, as an input any detect step can read (values and earlier customer
    /// messages replaced by a placeholder). Its signature is the signature it was made from.
    public var detectView: PromptInput {
        let signature = DetectSignature(context: context, history: history)
        var known = SlotValues()
        for slot in signature.knownSlots { known[slot] = DetectSignature.placeholder }
        var earlier: [GoldenTurn.Message] = []
        for _ in 0..<signature.representativeTurns {
            earlier.append(GoldenTurn.Message(role: "customer", text: DetectSignature.placeholder))
        }
        if let lastAgent = signature.lastAgent { earlier.append(GoldenTurn.Message(role: "agent", text: lastAgent)) }
        return PromptInput(message: message, context: known, history: earlier)
    }
}
