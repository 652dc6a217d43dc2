import Embeddings
import SalesCore

/// The agent's offline engine: slot capture by lexicons, patterns and two small trained
/// models (which clause, which words fill a slot), situation detection
/// by a small trained classifier plus rules, and replies from the playbook's templates.
/// Runs in-process with no network; pure and thread-safe.
public struct LocalEngine: Sendable {
    private let classifier: SituationClassifier
    private let spans: SpanTagger?
    private let tokens: TokenTagger?
    private let spanPolicy: SlotMerge.Policy
    private let playbook: Playbook

    /// An engine with a trained model (e.g. `LocalModel.shipped`) and the playbook.
    /// `embedder` is the sentence embedder the model was trained with (the process's one
    /// shared instance, e.g. `StaticEmbedder.bundled()`); a model trained with one scores
    /// worse without it, and one with another identifier is not used.
    public init(model: LocalModel, playbook: Playbook, embedder: (any Embedder)? = nil) {
        self.init(model: model, playbook: playbook, embedder: embedder, spanPolicy: .modelThenRules)
    }

    init(model: LocalModel, playbook: Playbook, embedder: (any Embedder)?, spanPolicy: SlotMerge.Policy, spanThreshold: Double = 0.3) {
        let usable = embedder.flatMap { $0.identifier == model.embedder ? $0 : nil }
        self.classifier = SituationClassifier(model: model, embedder: usable)
        self.spans = model.spans.map { SpanTagger(model: $0, threshold: spanThreshold) }
        self.tokens = model.tokens.map { TokenTagger(model: $0) }
        self.spanPolicy = spanPolicy
        self.playbook = playbook
    }

    /// Slots in `message`, every value a verbatim substring of it. `context` is the session
    /// so far; values are captured from this message only, whatever the context holds.
    /// The situation of the message (as `detect` finds it) decides which kind-specific slots
    /// it may fill: `objection` only in an objection, `buying_signal` only in a buying signal.
    public func capture(message: String, context: SlotValues, history: [GoldenTurn.Message] = []) -> SlotValues {
        let text = MessageText(message)
        let rules = SlotExtractor.extract(text)
        guard let spans else { return Self.values(rules, in: text) }
        let words = tokens?.tag(text, rules: rules) ?? [:]
        let clauses = spans.score(text)
        var slots = SlotMerge.merge(rules: rules, spans: spans.tag(clauses), tokens: words, in: text, policy: spanPolicy)
        let situation = classifier.classify(message: text, slots: rules, context: context, history: history, applyRules: false).situation
        SlotMerge.gate(&slots, situation: situation, spans: spans, clauses: clauses)
        return Self.values(slots, in: text)
    }

    /// Situation with a confidence in [0,1]; `history` is earlier messages (role "customer"/"agent").
    /// `optOutChecked`: the caller already ran `OptOutGuard` on this message and it did not
    /// fire (the pipeline does, before any detect), so it is not run a second time.
    public func detect(message: String, context: SlotValues, history: [GoldenTurn.Message], optOutChecked: Bool = false) -> Detection {
        let text = MessageText(message)
        return classifier.classify(
            message: text, slots: SlotExtractor.extract(text), context: context, history: history, applyRules: !optOutChecked)
    }

    /// A reply from the principle's templates, picked by turn number so consecutive turns
    /// vary, with captured values filled in. A principle without templates gets a neutral question.
    public func reply(principle: Principle, context: SlotValues, turn: Int) -> String {
        guard !principle.templates.isEmpty else { return Self.neutralReply }
        let count = principle.templates.count
        let pick = ((turn % count) + count) % count
        return principle.templates[pick].render(context)
    }

    /// The principles this engine can reply with.
    public var principles: [Principle] { playbook.principles }

    static let neutralReply = "Thanks, that helps. Could you tell me a bit more about what you're looking for?"

    static func values(_ ranges: [Slot: Range<Int>], in text: MessageText) -> SlotValues {
        var values = SlotValues()
        for (slot, range) in ranges where !range.isEmpty { values[slot] = text.span(range) }
        return values
    }
}
