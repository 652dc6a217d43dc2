/// One tier of a `tier` alias: the routes that serve it and the thresholds a request must
/// stay within to be sent there. A tier without thresholds takes everything (the last one).
public struct TierConfig: Sendable, Hashable {
    public var name: String
    public var routes: [Route]
    /// Characters in the last user message.
    public var maxChars: Int?
    /// Characters over all messages (the context the model must read).
    public var maxContextChars: Int?
    /// Messages in the request.
    public var maxMessages: Int?
    /// Question marks in the last user message.
    public var maxQuestions: Int?

    public init(
        name: String, routes: [Route], maxChars: Int? = nil, maxContextChars: Int? = nil, maxMessages: Int? = nil,
        maxQuestions: Int? = nil
    ) {
        self.name = name
        self.routes = routes
        self.maxChars = maxChars
        self.maxContextChars = maxContextChars
        self.maxMessages = maxMessages
        self.maxQuestions = maxQuestions
    }

    /// True when the tier has no thresholds and so accepts any request.
    public var acceptsEverything: Bool {
        maxChars == nil && maxContextChars == nil && maxMessages == nil && maxQuestions == nil
    }

    /// Whether `estimate` is within every threshold this tier sets.
    public func accepts(_ estimate: ComplexityEstimate) -> Bool {
        (maxChars.map { estimate.lastMessageChars <= $0 } ?? true)
            && (maxContextChars.map { estimate.contextChars <= $0 } ?? true)
            && (maxMessages.map { estimate.messages <= $0 } ?? true)
            && (maxQuestions.map { estimate.questions <= $0 } ?? true)
    }
}

/// A cheap estimate of how hard a request is, computed without tokenizing.
public struct ComplexityEstimate: Sendable, Hashable {
    public var lastMessageChars: Int
    public var contextChars: Int
    public var messages: Int
    public var questions: Int

    public init(lastMessageChars: Int, contextChars: Int, messages: Int, questions: Int) {
        self.lastMessageChars = lastMessageChars
        self.contextChars = contextChars
        self.messages = messages
        self.questions = questions
    }

    /// Reads the request's messages: the last user message's length and questions, the total length.
    public init(_ request: ChatRequest) {
        var total = 0
        var last = ""
        for message in request.messages {
            let text = message.text
            total += text.count
            if message.role == .user { last = text }
        }
        self.init(
            lastMessageChars: last.count, contextChars: total, messages: request.messages.count,
            questions: last.reduce(0) { $1 == "?" ? $0 + 1 : $0 })
    }
}

/// Picks the tier for a request: a hint naming a tier wins; otherwise the first tier whose
/// thresholds the estimate stays within.
public enum TierChooser {
    public static func choose(_ tiers: [TierConfig], estimate: ComplexityEstimate, hint: String?) -> TierConfig? {
        if let hint, let named = tiers.first(where: { $0.name == hint }) { return named }
        return tiers.first { $0.accepts(estimate) } ?? tiers.last
    }
}
