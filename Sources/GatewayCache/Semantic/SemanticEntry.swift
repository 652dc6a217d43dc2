/// One cached question of a bucket: what answers it (the exact tier's key of the stored
/// answer), its text for guards and audit logs, and when it stops being served.
public struct SemanticEntry: Sendable {
    /// The exact tier's key under which the answer is stored.
    public var answerKey: String
    /// The question as asked (for the guards and the hit log).
    public var text: String
    /// ``NormalizedMessage/text(of:)`` of `text`.
    public var normalized: String
    /// The guards' reading of `text`.
    public var profile: GuardProfile
    /// When it stops being served (the answer's own expiry).
    public var expiresAt: CacheInstant

    /// An entry for `text`, answered by the exact tier's `answerKey` until `expiresAt`.
    public init(answerKey: String, text: String, expiresAt: CacheInstant) {
        self.answerKey = answerKey
        self.text = text
        self.normalized = NormalizedMessage.text(of: text)
        self.profile = GuardProfile(text)
        self.expiresAt = expiresAt
    }
}

/// The question of one lookup, read once: its text, normalised text, guard profile and vector.
public struct SemanticQuery: Sendable {
    public let text: String
    public let normalized: String
    public let profile: GuardProfile
    /// Unit length, the embedder's dimension.
    public let vector: [Float]

    public init(text: String, vector: [Float]) {
        self.text = text
        self.normalized = NormalizedMessage.text(of: text)
        self.profile = GuardProfile(text)
        self.vector = vector
    }
}

/// The answer of a semantic lookup.
public enum SemanticLookup: Sendable {
    /// A cached question answers this one.
    case hit(SemanticHit)
    /// No cached question is close enough.
    case miss
    /// Cached questions were close enough, but the guards refused each; the reason is the best one's.
    case vetoed(GuardVetoReason, score: Float, cachedText: String)
}

/// A semantic hit: the entry's answer key, the cosine, and both texts for the audit log.
public struct SemanticHit: Sendable {
    /// The exact tier's key of the answer.
    public var answerKey: String
    /// The cosine of the two messages (1 for a normalised-text match).
    public var score: Float
    /// The cached question.
    public var cachedText: String
    /// True when the normalised texts were equal (no vector compared).
    public var normalizedMatch: Bool
}
